import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { AppError } from "@/lib/errors";

// Built once per process: the dictionaries are large. Server-side only, so they never reach
// the browser bundle; the forms check length, the server checks guessability.
let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/**
 * Refuses passwords that are among the common ones or are guessed as quickly (zxcvbn score 0
 * or 1: under a million guesses), also counting the person's own name and address as known.
 */
export function assertPasswordNotCommon(password: string, userInputs: string[] = [], field = "password") {
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s]+/)]).filter((s) => s.length >= 3);
  const result = estimator().check(password.slice(0, 100), inputs);
  if (result.score >= 2) return;
  const message = "This password is too common or too easy to guess. Use a longer one, for example a few unrelated words.";
  throw new AppError("validation", message, { [field]: message }, "password_too_common");
}

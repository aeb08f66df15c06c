import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Parses input with a shared schema; failures become one AppError with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  throw new AppError("validation", "Some fields need attention.", fields);
}

import { z } from "zod";

/**
 * Characters a name shown to other people must not hold: C0/C1 controls (CR and LF split email
 * headers and log lines, NUL cannot be stored) and the bidirectional overrides and isolates that
 * make text display differently from what it is ("Trojan Source").
 */
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const hasUnsafeText = (value: string) => UNSAFE_TEXT.test(value);

const SAFE_TEXT_MESSAGE = "Remove control characters and text-direction overrides.";

/** A trimmed, one-line display name (people, organizations) of at most `max` characters. */
export const displayNameSchema = (required: string, max = 100) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !hasUnsafeText(v), SAFE_TEXT_MESSAGE);

/** The same check for optional name parts. */
export const safeTextRefinement = [(v: string | null | undefined) => !v || !hasUnsafeText(v), SAFE_TEXT_MESSAGE] as const;

/** Emails are trimmed and lower-cased once, here, so every comparison is case-insensitive. */
export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

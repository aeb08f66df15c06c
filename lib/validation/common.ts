import { z } from "zod";

/** Emails are trimmed and lower-cased once, here, so every comparison is case-insensitive. */
export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

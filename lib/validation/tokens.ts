import { z } from "zod";

const DAY_MS = 86_400_000;

/**
 * An optional earlier expiry: a calendar date from the form (the token works through that day,
 * UTC) or an ISO 8601 date-time from the API. Empty means "the subscription's period end".
 */
export const tokenExpirySchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true }), z.literal("")], {
    error: "Enter a date as YYYY-MM-DD (or an ISO 8601 date-time).",
  })
  .optional()
  .transform((value) => {
    if (!value) return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS);
    return new Date(value);
  });

const userId = z.uuid({ error: "Choose a member of this organization." });

/** `userId` is for issuing another member's token (admins, API); omitted means "my own". */
export const issueTokenSchema = z.object({ expiresAt: tokenExpirySchema, userId: userId.optional() });
export type IssueTokenInput = z.input<typeof issueTokenSchema>;

export const tokenTargetSchema = z.object({ userId });
export type TokenTargetInput = z.input<typeof tokenTargetSchema>;

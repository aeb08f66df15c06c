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

/**
 * Months of grace added to a token's expiry (the API's `expiration_tolerance_months`): a token
 * may then outlive the current period by that much, so it keeps working across a renewal.
 */
export const graceMonthsSchema = z.number().int().min(0, "Use 0 or more months.").max(120, "Use at most 120 months.").optional();

/** `userId` is for issuing another member's token (admins, API); omitted means "my own". */
export const issueTokenSchema = z.object({
  expiresAt: tokenExpirySchema,
  userId: userId.optional(),
  graceMonths: graceMonthsSchema,
  /** A later expiry than the period allows is shortened to the period's end instead of refused. */
  clampToPeriod: z.boolean().optional(),
  /** Email the token to the member (default); scripts that hand it over themselves turn it off. */
  sendEmail: z.boolean().optional(),
});
export type IssueTokenInput = z.input<typeof issueTokenSchema>;

export const tokenTargetSchema = z.object({ userId });
export type TokenTargetInput = z.input<typeof tokenTargetSchema>;

/** Without `expiresAt`, the token is synced to the period's end; with it, set to that moment. */
export const updateTokenExpirySchema = z.object({ userId, expiresAt: tokenExpirySchema, graceMonths: graceMonthsSchema });
export type UpdateTokenExpiryInput = z.input<typeof updateTokenExpirySchema>;

export const tokenIdTargetSchema = z.object({ userId, tokenId: z.uuid({ error: "No such token." }) });
export type TokenIdTargetInput = z.input<typeof tokenIdTargetSchema>;

import { z } from "zod";
import { emailSchema } from "./common";

/** One upload or one request: at most this many addresses, and a CSV file at most this big. */
export const MAX_INVITES_PER_REQUEST = 10_000;
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const INVITATION_VALID_DAYS = 7;
export const INVITATIONS_PAGE_SIZE = 25;

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

/**
 * Checks one typed or uploaded value with the shared email schema (trimmed, lower-cased), and
 * words the failure for a report rather than a form field.
 */
export function checkInviteEmail(raw: string): EmailCheck {
  const value = raw.trim();
  if (!value) return { ok: false, reason: "No email address" };
  if (value.length > 254) return { ok: false, reason: "Longer than 254 characters" };
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: "Not a valid email address" };
  return { ok: true, email: parsed.data };
}

export const inviteMembersSchema = z.object({
  emails: z
    .array(z.string().max(1000, "Each entry is at most 1,000 characters."), { error: "Add at least one email address." })
    .min(1, "Add at least one email address.")
    .max(MAX_INVITES_PER_REQUEST, `Invite at most ${MAX_INVITES_PER_REQUEST.toLocaleString("en")} addresses at once.`),
});
export type InviteMembersInput = z.input<typeof inviteMembersSchema>;

export const invitationIdsSchema = z.object({
  ids: z
    .array(z.uuid({ error: "Unknown invitation." }), { error: "Select at least one invitation." })
    .min(1, "Select at least one invitation.")
    .max(MAX_INVITES_PER_REQUEST, `Select at most ${MAX_INVITES_PER_REQUEST.toLocaleString("en")} invitations.`),
});
export type InvitationIdsInput = z.input<typeof invitationIdsSchema>;

export const listInvitationsSchema = z.object({
  q: z.string().trim().toLowerCase().max(254).optional().default(""),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().default(1),
});
export type ListInvitationsInput = z.input<typeof listInvitationsSchema>;

/** `inv_` + 32 random bytes in base64url (256 bits). Anything else is not a link we sent. */
export const INVITATION_TOKEN_PATTERN = /^inv_[A-Za-z0-9_-]{43}$/;

/** What happened to each address of an invite request. */
export type InviteOutcome = "invited" | "already_invited" | "already_member" | "invalid";

export type InviteReportEntry = {
  /** The normalised address, or the value as given when it is not a valid address. */
  email: string;
  outcome: InviteOutcome;
  /** Why an entry is invalid, or a note (e.g. listed twice in the file). */
  reason?: string;
  /** CSV row numbers (1 = the first line of the file) where this address appeared. */
  rows?: number[];
};

export type InviteReport = {
  entries: InviteReportEntry[];
  counts: Record<InviteOutcome, number>;
};

export const outcomeLabels: Record<InviteOutcome, string> = {
  invited: "Invited",
  already_invited: "Already invited (resent)",
  already_member: "Already a member (skipped)",
  invalid: "Invalid",
};

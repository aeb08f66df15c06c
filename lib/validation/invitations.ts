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

/** The roles an invitation may carry; the CSV `role` column uses the same names. */
export const CSV_ROLES = ["member", "billing_manager", "admin"] as const;
export type InviteRole = (typeof CSV_ROLES)[number];
export const inviteRoleSchema = z.enum(CSV_ROLES, { error: "Choose Member, Billing Manager or Account Admin." });

/** What the Invite Members dialog and the API send besides the addresses: one role and seat for all. */
export const inviteOptionsSchema = z.object({
  role: inviteRoleSchema.optional().default("member"),
  assignSeat: z.boolean({ error: "Assign a seat is true or false." }).optional().default(false),
});
export type InviteOptions = z.output<typeof inviteOptionsSchema>;

export const inviteMembersSchema = inviteOptionsSchema.extend({
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
export type InviteOutcome = "invited" | "already_invited" | "already_member" | "no_seat_available" | "invalid";

export type InviteReportEntry = {
  /** The normalised address, or the value as given when it is not a valid address. */
  email: string;
  outcome: InviteOutcome;
  /** The role the invitation carries (for entries that were sent). */
  role?: InviteRole;
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
  no_seat_available: "Not invited: no seat available",
  invalid: "Invalid",
};

/** POST /api/organizations/{orgId}/invitations: the same invite as the dialog, in the API's words. */
export const inviteRequestSchema = z
  .object({
    emails: inviteMembersSchema.shape.emails,
    role: inviteRoleSchema.optional().default("member").meta({ description: "The role every address joins with." }),
    assign_seat: z
      .boolean({ error: "assign_seat is true or false." })
      .optional()
      .default(false)
      .meta({ description: "Reserve a seat for each invitation; addresses that find none are reported no_seat_available and not sent." }),
  })
  .meta({ id: "InviteRequest" });

const inviteOutcomes = [
  "invited",
  "already_invited",
  "already_member",
  "no_seat_available",
  "invalid",
] as const satisfies readonly InviteOutcome[];

export const inviteReportSchema = z
  .object({
    entries: z.array(
      z.object({
        email: z.string(),
        outcome: z.enum(inviteOutcomes),
        role: inviteRoleSchema.optional(),
        reason: z.string().optional(),
        rows: z.array(z.number().int()).optional(),
      }),
    ),
    counts: z.object(Object.fromEntries(inviteOutcomes.map((o) => [o, z.number().int()])) as Record<InviteOutcome, z.ZodNumber>),
  })
  .meta({ id: "InviteReport" });

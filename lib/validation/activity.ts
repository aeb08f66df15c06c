import { z } from "zod";

/**
 * Every action the app records in an organization: the writers (recordActivity takes only
 * registry actions), the Activity filter's choices, the API's filter and the OpenAPI enum all
 * read this one list, so they cannot drift apart.
 */
export const ORG_ACTIVITY_ACTIONS = [
  "organization.created",
  "organization.renamed",
  "settings.changed",
  "invitation.created",
  "invitation.resent",
  "invitation.removed",
  "invitation.accepted",
  "invitations.csv_uploaded",
  "member.added",
  "managed_user.created",
  "member.onboarded",
  "member.role_changed",
  "member.removed",
  "member.left",
  "seat.assigned",
  "seat.revoked",
  "token.issued",
  "token.reissued",
  "token.synced",
  "token.revoked",
  "subscription.purchased",
  "subscription.seats_changed",
  "subscription.cycle_changed",
  "subscription.renewed",
  "service_account.created",
  "service_account.deleted",
  "service_account.token_issued",
  "channel.created",
  "channel.updated",
  "channel.deleted",
  "package.uploaded",
  "package.deleted",
  "group.created",
  "group.renamed",
  "group.deleted",
  "group.member_added",
  "group.member_removed",
  // Verified domains (Org Profile -> Domains) and joining through one.
  "domain.added",
  "domain.verified",
  "domain.removed",
  "member.joined",
  // An instance admin granted or changed the org's subscription (also in the instance log).
  "subscription.granted",
  "subscription.changed",
  // Webhook endpoints (Org Profile -> Webhooks); webhook.disabled is the worker's, after days of failures.
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.test_sent",
  "webhook.redelivered",
  "webhook.disabled",
  // Single sign-on: an admin saved or removed the org's OIDC connection.
  "sso.connection_created",
  "sso.connection_updated",
  "sso.connection_deleted",
  // Directory Sync (SCIM): an admin's token, and what the identity provider did to a member.
  "scim.token_generated",
  "scim.token_revoked",
  "member.deactivated",
  "member.reactivated",
  "member.updated",
] as const;

/** Actions on the instance itself (/admin): recorded without an organization, read on /admin/activity. */
export const INSTANCE_ACTIVITY_ACTIONS = ["instance.settings_changed", "instance.admin_claimed", "user.disabled", "user.enabled"] as const;

/** Actions on a person's own account: recorded without an organization, so never in its log. */
export const ACCOUNT_ACTIVITY_ACTIONS = [
  "user.signed_up",
  "user.password_set",
  "account.session_ended",
  "account.other_sessions_ended",
  "account.verification_sent",
  "account.email_verified",
  "account.password_reset_requested",
  "account.password_reset",
  "account.name_changed",
  "account.password_changed",
  "account.email_change_requested",
  "account.email_changed",
  "account.deleted",
  "account.two_factor_enabled",
  "account.two_factor_disabled",
  "account.recovery_code_used",
] as const;

export const ACTIVITY_ACTIONS = [...ORG_ACTIVITY_ACTIONS, ...ACCOUNT_ACTIVITY_ACTIONS, ...INSTANCE_ACTIVITY_ACTIONS] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

// Query strings and GET forms send "" for a field left empty: that means "no filter".
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dateBound = z
  .string()
  .trim()
  .refine(
    (v) => (DAY.test(v) || v.length <= 40) && !Number.isNaN(Date.parse(DAY.test(v) ? `${v}T00:00:00Z` : v)),
    "Enter a date (YYYY-MM-DD) or an ISO 8601 time.",
  );

/**
 * Filters shared by the Activity page, its export and GET /api/organizations/{orgId}/activity.
 * `actor` is a user or service account id, an email or a service account name; `target` is a
 * target id or its label (e.g. the email of the member a seat was revoked from). Dates: a day
 * (YYYY-MM-DD, UTC, `to` inclusive) or an ISO 8601 time (`to` exclusive).
 */
export const activityFilterSchema = z.object({
  actor: optional(z.string().trim().max(254, "At most 254 characters.")),
  action: optional(z.enum(ORG_ACTIVITY_ACTIONS, { error: "Choose one of the recorded actions, e.g. seat.revoked." })),
  target: optional(z.string().trim().max(254, "At most 254 characters.")),
  from: optional(dateBound),
  to: optional(dateBound),
  cursor: optional(z.string().regex(/^\d{1,18}$/, "Use the next_cursor of the previous page.")),
});
export type ActivityFilterInput = z.input<typeof activityFilterSchema>;
export type ActivityFilter = z.output<typeof activityFilterSchema>;

export const activityFormatSchema = z.enum(["csv", "jsonl"]);

/** A date bound as a Date: days are UTC, and a `to` day includes the whole day. */
export function boundToDate(value: string, end: boolean): Date {
  if (DAY.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return end ? new Date(d.getTime() + 86_400_000) : d;
  }
  return new Date(value);
}

export const activityEntrySchema = z
  .object({
    id: z.number().int(),
    created_at: z.string(),
    actor_type: z.enum(["user", "service_account", "scim", "sso", "system"]),
    actor_id: z.string().nullable(),
    actor_label: z.string().nullable(),
    action: z.enum(ACTIVITY_ACTIONS),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    target_label: z.string().nullable(),
    ip: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "ActivityEntry" });
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityPageSchema = z
  .object({
    data: z.array(activityEntrySchema),
    next_cursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next (older) page; null on the last page." }),
  })
  .meta({ id: "ActivityPage" });

import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const roles = ["admin", "billing_manager", "member"] as const satisfies readonly Role[];

export const roleLabels: Record<Role, string> = {
  admin: "Account Admin",
  billing_manager: "Billing Manager",
  member: "Member",
};

/**
 * THE permission table: every page, navigation item, server action and API route asks it.
 * `serviceAccount: true` means an org's service account may do it through the API too.
 */
export const policy = {
  "org.read": { roles: ["admin", "billing_manager", "member"], serviceAccount: true },
  "org.update": { roles: ["admin"], serviceAccount: false },
  "org.leave": { roles: ["billing_manager", "member"], serviceAccount: false },
  "members.read": { roles: ["admin", "billing_manager", "member"], serviceAccount: true },
  "members.manage": { roles: ["admin"], serviceAccount: true },
  // Service accounts manage members and managed users, but an Account Admin is removed, demoted
  // or made only by a person who is one: a leaked CI secret must not take over the org.
  "members.manageAdmins": { roles: ["admin"], serviceAccount: false },
  "invitations.manage": { roles: ["admin"], serviceAccount: true },
  // Nobody invites above their own role: a service account is not an Account Admin.
  "invitations.inviteAdmin": { roles: ["admin"], serviceAccount: false },
  "subscription.read": { roles: ["admin", "billing_manager"], serviceAccount: true },
  "subscription.manage": { roles: ["admin", "billing_manager"], serviceAccount: false },
  "tokens.self": { roles: ["admin", "billing_manager", "member"], serviceAccount: false },
  "serviceAccounts.read": { roles: ["admin"], serviceAccount: true },
  "serviceAccounts.manage": { roles: ["admin"], serviceAccount: false },
  // The REST API is for automation: org admins' user tokens and the org's service accounts.
  "api.use": { roles: ["admin"], serviceAccount: true },
  "settings.read": { roles: ["admin"], serviceAccount: true },
  "settings.update": { roles: ["admin"], serviceAccount: false },
  // Activity is append-only: reading is the only right there is. No permission (and no code
  // path in the app) edits or deletes an entry.
  "activity.read": { roles: ["admin"], serviceAccount: true },
  // Service accounts publish packages, so CI can upload to the org's channels.
  "channels.manage": { roles: ["admin"], serviceAccount: true },
  // Reading is also limited by the seat and the channel's groups (lib/domain/channels/channel-rule.ts).
  "channels.read": { roles: ["admin", "billing_manager", "member"], serviceAccount: true },
  "groups.manage": { roles: ["admin"], serviceAccount: true },
  // Webhooks send the org's changes to any URL: only a person who is an Account Admin sets
  // them up, so a leaked CI secret cannot quietly subscribe to them.
  "webhooks.manage": { roles: ["admin"], serviceAccount: false },
} as const satisfies Record<string, { roles: readonly Role[]; serviceAccount: boolean }>;

export type Permission = keyof typeof policy;

export type OrgPrincipal = { kind: "member"; role: Role } | { kind: "service_account" };

export function can(principal: OrgPrincipal, permission: Permission): boolean {
  const rule = policy[permission];
  if (principal.kind === "service_account") return rule.serviceAccount;
  return (rule.roles as readonly Role[]).includes(principal.role);
}

export function assertCan(principal: OrgPrincipal, permission: Permission) {
  if (!can(principal, permission)) {
    throw new AppError("forbidden", "You do not have permission to do this.");
  }
}

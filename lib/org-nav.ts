import { can, type OrgPrincipal, type Permission } from "@/lib/authz/policy";

/**
 * The org's left navigation; each item shows only to those the policy table lets use it.
 * Overview is the org's own page (segment ""), the first one a member lands on.
 */
export const orgNavItems = [
  { label: "Overview", segment: "", permission: "org.read" },
  { label: "Org Profile", segment: "profile", permission: "org.read" },
  { label: "Users", segment: "users", permission: "members.read" },
  { label: "Invitations", segment: "invitations", permission: "invitations.manage" },
  { label: "Subscription", segment: "subscription", permission: "subscription.read" },
  { label: "Token Access", segment: "token-access", permission: "tokens.self" },
  { label: "Channels", segment: "channels", permission: "channels.read" },
  { label: "Groups", segment: "groups", permission: "groups.manage" },
  { label: "Service Accounts", segment: "service-accounts", permission: "serviceAccounts.manage" },
  { label: "Activity", segment: "activity", permission: "activity.read" },
] as const satisfies ReadonlyArray<{ label: string; segment: string; permission: Permission }>;

export const visibleNavItems = (principal: OrgPrincipal) => orgNavItems.filter((item) => can(principal, item.permission));

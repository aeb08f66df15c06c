/**
 * Who is acting: a signed-in user, a service account, the org's identity provider through its
 * SCIM token (Directory Sync; recorded in the activity log as "SCIM"), the org's identity provider
 * signing a person in (single sign-on, recorded as "SSO"), or the system itself. The SCIM and SSO
 * actors never reach loadOrgAccess: their use cases load the org themselves.
 */
export type Actor =
  | { kind: "user"; userId: string; label: string; ip?: string | null }
  | { kind: "service_account"; serviceAccountId: string; orgId: string; label: string; ip?: string | null }
  | { kind: "scim"; orgId: string; label: "SCIM"; ip?: string | null }
  | { kind: "sso"; orgId: string; label: "SSO"; ip?: string | null }
  | { kind: "anonymous"; ip?: string | null };

export const anonymous = (ip?: string | null): Actor => ({ kind: "anonymous", ip });

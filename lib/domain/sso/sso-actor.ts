import type { Actor } from "@/lib/authz/actor";

/** Who acts when single sign-on creates an account or a membership: the org's identity provider, recorded as "SSO". */
export const ssoActor = (orgId: string, ip?: string | null): Actor => ({ kind: "sso", orgId, label: "SSO", ip });

import { eq } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import type { SsoConnection } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import type { SsoConnectionView } from "@/lib/validation/sso";
import { loadOrgAccess } from "../organizations/org-access";
import { ssoRedirectUri } from "./oidc";

export async function findSsoConnection(orgId: string, q: Queryable = db()): Promise<SsoConnection | null> {
  const [row] = await q.select().from(t.ssoConnections).where(eq(t.ssoConnections.orgId, orgId)).limit(1);
  return row ?? null;
}

/** What admins see of the connection: everything but the secret, of which only its presence is told. */
export function ssoConnectionView(row: SsoConnection | null): SsoConnectionView {
  return {
    configured: !!row,
    issuer: row?.issuer ?? null,
    client_id: row?.clientId ?? null,
    client_secret_set: !!row?.clientSecretEnc,
    require_sso: row?.requireSso ?? false,
    redirect_uri: ssoRedirectUri(),
    updated_at: row?.updatedAt.toISOString() ?? null,
  };
}

/** The org's single sign-on connection (Org Profile, GET .../sso), admins only. */
export async function getSsoConnection(actor: Actor, orgSlug: string): Promise<SsoConnectionView> {
  const { org } = await loadOrgAccess(actor, orgSlug, "settings.read");
  return ssoConnectionView(await findSsoConnection(org.id));
}

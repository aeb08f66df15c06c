import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import { seal } from "@/lib/auth/secret-box";
import type { Actor } from "@/lib/authz/actor";
import { config } from "@/lib/config";
import { AppError, notFound } from "@/lib/errors";
import { saveSsoConnectionSchema } from "@/lib/validation/sso";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { ssoConnectionView } from "./get-sso-connection";
import { probeIssuer } from "./check-sso-connection";

/** The secret-box purpose of an org's client secret: bound to the org, so a sealed value cannot be moved to another. */
export const clientSecretPurpose = (orgId: string) => `sso-client-secret:${orgId}`;

/**
 * Saves the org's OIDC connection (Org Profile -> Single Sign-On, PUT .../sso). The secret is
 * write-only: left out, the stored one stays. Turning Require SSO on first runs discovery, so an
 * admin cannot lock the org's people out of password sign-in with a connection that cannot work.
 */
export async function saveSsoConnection(actor: Actor, orgSlug: string, input: unknown) {
  const values = parseInput(saveSsoConnectionSchema(config().oidcAllowHttpIssuers), input);
  const { org } = await loadOrgAccess(actor, orgSlug, "settings.update");
  const before = await db().select().from(t.ssoConnections).where(eq(t.ssoConnections.orgId, org.id)).limit(1);
  if (values.require_sso && !before[0]?.requireSso) {
    const probe = await probeIssuer(values.issuer);
    if (!probe.ok) {
      throw new AppError("validation", "Some fields need attention.", {
        require_sso: `Test Connection failed, so SSO cannot be required yet: ${probe.error}`,
      });
    }
  }
  return db().transaction(async (tx) => {
    await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const [current] = await tx.select().from(t.ssoConnections).where(eq(t.ssoConnections.orgId, org.id)).for("update");
    if (!current && !values.client_secret) {
      throw new AppError("validation", "Some fields need attention.", { client_secret: "Enter the Client Secret." });
    }
    const requireSso = values.require_sso ?? current?.requireSso ?? false;
    const secretEnc = values.client_secret ? seal(clientSecretPurpose(org.id), values.client_secret) : current!.clientSecretEnc;
    const fields = { issuer: values.issuer, clientId: values.client_id, clientSecretEnc: secretEnc, requireSso, updatedAt: new Date() };
    const [row] = current
      ? await tx.update(t.ssoConnections).set(fields).where(eq(t.ssoConnections.id, current.id)).returning()
      : await tx
          .insert(t.ssoConnections)
          .values({ orgId: org.id, ...fields })
          .returning();
    const changed = [
      current?.issuer !== values.issuer && "issuer",
      current?.clientId !== values.client_id && "client_id",
      !!values.client_secret && "client_secret",
      (current?.requireSso ?? false) !== requireSso && "require_sso",
    ].filter((f): f is string => !!f);
    if (changed.length) {
      await recordActivity(tx, actor, {
        orgId: org.id,
        action: current ? "sso.connection_updated" : "sso.connection_created",
        target: { type: "sso_connection", id: row.id, label: values.issuer },
        // Never the secret: only that it changed.
        metadata: { changed, issuer: values.issuer, client_id: values.client_id, require_sso: requireSso },
      });
    }
    return ssoConnectionView(row);
  });
}

/** Removes the connection (DELETE .../sso): Sign in with SSO stops at once for the org's domains. */
export async function deleteSsoConnection(actor: Actor, orgSlug: string) {
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const [row] = await tx.delete(t.ssoConnections).where(eq(t.ssoConnections.orgId, org.id)).returning();
    if (!row) throw notFound("No single sign-on connection is set up for this organization.");
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "sso.connection_deleted",
      target: { type: "sso_connection", id: row.id, label: row.issuer },
      metadata: { issuer: row.issuer, client_id: row.clientId },
    });
    return ssoConnectionView(null);
  });
}

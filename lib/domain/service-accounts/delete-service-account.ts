import { and, eq, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { notFound } from "@/lib/errors";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";

/** Deletes a service account; its access tokens stop working at once (bearer lookups join on it). */
export async function deleteServiceAccount(actor: Actor, orgSlug: string, clientId: string) {
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "serviceAccounts.manage", tx);
    const [account] = await tx
      .update(t.serviceAccounts)
      .set({ deletedAt: new Date() })
      .where(and(eq(t.serviceAccounts.orgId, org.id), eq(t.serviceAccounts.clientId, clientId), isNull(t.serviceAccounts.deletedAt)))
      .returning();
    if (!account) throw notFound("Service account not found.");
    await tx
      .update(t.apiAccessTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(t.apiAccessTokens.serviceAccountId, account.id), isNull(t.apiAccessTokens.revokedAt)));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "service_account.deleted",
      target: { type: "service_account", id: account.id, label: account.name },
      metadata: { client_id: clientId },
    });
  });
}

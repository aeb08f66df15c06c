import { and, asc, eq, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";

/** Never returns secrets (only their hashes are stored anyway). */
export async function listServiceAccounts(actor: Actor, orgSlug: string) {
  const { org } = await loadOrgAccess(actor, orgSlug, "serviceAccounts.read");
  const rows = await db()
    .select()
    .from(t.serviceAccounts)
    .where(and(eq(t.serviceAccounts.orgId, org.id), isNull(t.serviceAccounts.deletedAt)))
    .orderBy(asc(t.serviceAccounts.name));
  return rows.map((r) => ({
    name: r.name,
    client_id: r.clientId,
    org_id: org.id,
    created_at: r.createdAt.toISOString(),
    last_used_at: r.lastUsedAt?.toISOString() ?? null,
  }));
}

import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { loadOrgDomain } from "./load-domain";

/**
 * Removes a domain (pending or verified). Members who joined through it stay members: removing
 * them is a separate, deliberate act on the Users page. Only new joins and direct adds stop.
 */
export async function removeDomain(actor: Actor, orgSlug: string, name: string) {
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const row = await loadOrgDomain(tx, org.id, name, { lock: true });
    await tx.delete(t.orgDomains).where(eq(t.orgDomains.id, row.id));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "domain.removed",
      target: { type: "domain", id: row.id, label: row.domain },
      metadata: { was_verified: !!row.verifiedAt },
    });
    return { removed: true as const, domain: row.domain };
  });
}

import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { domainJoinSchema } from "@/lib/validation/domains";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";

/** Org Profile's "Allow members of verified domains to join": an org setting like the others. */
export async function setDomainJoin(actor: Actor, orgSlug: string, input: unknown) {
  const { allowed } = parseInput(domainJoinSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const [current] = await tx.select().from(t.organizations).where(eq(t.organizations.id, org.id)).for("update");
    if (current.allowDomainJoin === allowed) return { allowed, changed: false };
    await tx.update(t.organizations).set({ allowDomainJoin: allowed }).where(eq(t.organizations.id, org.id));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "settings.changed",
      target: { type: "organization", id: org.id, label: org.slug },
      metadata: { setting: "allow_domain_join", from: current.allowDomainJoin, to: allowed },
    });
    return { allowed, changed: true };
  });
}

import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { renameOrganizationSchema } from "@/lib/validation/organizations";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "./org-access";

/** Admins change the display name; the Organization ID never changes. */
export async function renameOrganization(actor: Actor, orgSlug: string, input: { name: unknown }) {
  const { name } = parseInput(renameOrganizationSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "org.update", tx);
    if (org.name === name) return org;
    const [updated] = await tx.update(t.organizations).set({ name }).where(eq(t.organizations.id, org.id)).returning();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "organization.renamed",
      target: { type: "organization", id: org.id, label: org.slug },
      metadata: { from: org.name, to: name },
    });
    return updated;
  });
}

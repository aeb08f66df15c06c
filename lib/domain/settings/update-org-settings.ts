import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/policy";
import { orgSettingKeys, orgSettingLabels, updateOrgSettingsSchema, type UpdateOrgSettingsInput } from "@/lib/validation/settings";
import { parseInput } from "@/lib/validation/parse";
import { recordActivities, type ActivityInput } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";

export type SettingChange =
  { field: "name"; from: string; to: string } | { field: "cloudStorage" | "cloudNotebooks"; from: boolean; to: boolean };

/**
 * Org Profile's Save Changes: the name and the two settings in one transaction, one activity
 * entry per value that changed (with before and after). The Organization ID is not part of the
 * input (the schema refuses it), so it never changes. Settings take effect on the next read:
 * effective access is computed from these columns on every request, nothing caches it.
 */
export async function updateOrgSettings(actor: Actor, orgSlug: string, input: UpdateOrgSettingsInput) {
  const values = parseInput(updateOrgSettingsSchema, input);
  return db().transaction(async (tx) => {
    const access = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    if (values.name !== undefined) assertCan(access.principal, "org.update");
    // The row lock makes "before" exact when two admins save at the same moment.
    const [current] = await tx.select().from(t.organizations).where(eq(t.organizations.id, access.org.id)).for("update");

    const changes: SettingChange[] = [];
    if (values.name !== undefined && values.name !== current.name) changes.push({ field: "name", from: current.name, to: values.name });
    for (const key of orgSettingKeys) {
      const next = values[key];
      if (next !== undefined && next !== current[key]) changes.push({ field: key, from: current[key], to: next });
    }
    if (changes.length === 0) return { org: current, changes };

    const patch: Partial<Pick<Organization, "name" | "cloudStorage" | "cloudNotebooks">> = {};
    for (const c of changes) (patch as Record<string, unknown>)[c.field] = c.to;
    const [updated] = await tx.update(t.organizations).set(patch).where(eq(t.organizations.id, current.id)).returning();

    const target = { type: "organization", id: current.id, label: current.slug };
    await recordActivities(
      tx,
      actor,
      changes.map((c): ActivityInput =>
        c.field === "name"
          ? { orgId: current.id, action: "organization.renamed", target, metadata: { from: c.from, to: c.to } }
          : {
              orgId: current.id,
              action: "settings.changed",
              target,
              metadata: { setting: orgSettingLabels[c.field].api, from: c.from, to: c.to },
            },
      ),
    );
    return { org: updated, changes };
  });
}

/** "Cloud notebooks turned off." / "Organization renamed to Acme." — one sentence per change. */
export function describeChanges(changes: SettingChange[]): string {
  if (changes.length === 0) return "No changes to save.";
  return changes
    .map((c) =>
      c.field === "name" ? `Organization renamed to ${c.to}.` : `${orgSettingLabels[c.field].label} turned ${c.to ? "on" : "off"}.`,
    )
    .join(" ");
}

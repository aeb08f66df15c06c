import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { isUniqueViolation } from "@/lib/errors";
import { updateGroupSchema } from "@/lib/validation/channels";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { groupNameTaken, loadGroup } from "./load-group";

export async function renameGroup(actor: Actor, orgSlug: string, groupId: string, input: unknown) {
  const { name } = parseInput(updateGroupSchema, input);
  try {
    return await db().transaction(async (tx) => {
      const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", tx);
      const group = await loadGroup(tx, org.id, groupId);
      const [updated] = await tx.update(t.groups).set({ name }).where(eq(t.groups.id, group.id)).returning();
      await recordActivity(tx, actor, {
        orgId: org.id,
        action: "group.renamed",
        target: { type: "group", id: group.id, label: name },
        metadata: { from: group.name },
      });
      return updated;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw groupNameTaken();
    throw err;
  }
}

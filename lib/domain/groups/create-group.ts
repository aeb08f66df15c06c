import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { isUniqueViolation } from "@/lib/errors";
import { createGroupSchema } from "@/lib/validation/channels";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { groupNameTaken } from "./load-group";

export async function createGroup(actor: Actor, orgSlug: string, input: unknown) {
  const { name } = parseInput(createGroupSchema, input);
  try {
    return await db().transaction(async (tx) => {
      const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", tx);
      const [group] = await tx.insert(t.groups).values({ orgId: org.id, name }).returning();
      await recordActivity(tx, actor, { orgId: org.id, action: "group.created", target: { type: "group", id: group.id, label: name } });
      return { id: group.id, name: group.name, member_count: 0, created_at: group.createdAt.toISOString() };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw groupNameTaken();
    throw err;
  }
}

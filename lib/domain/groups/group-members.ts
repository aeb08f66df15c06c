import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { groupMembersSchema } from "@/lib/validation/channels";
import { parseInput } from "@/lib/validation/parse";
import { recordActivities } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { loadGroup } from "./load-group";

/** Adds members of the org to a group (one or many); people already in it are left as they are. */
export async function addGroupMembers(actor: Actor, orgSlug: string, groupId: string, input: unknown) {
  const { user_ids } = parseInput(groupMembersSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", tx);
    const group = await loadGroup(tx, org.id, groupId);
    const ids = [...new Set(user_ids)];
    const members = await tx
      .select({ userId: t.memberships.userId, name: t.users.name, email: t.users.email })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .where(and(eq(t.memberships.orgId, org.id), inArray(t.memberships.userId, ids)));
    if (members.length !== ids.length) {
      throw new AppError("validation", "Some fields need attention.", { user_ids: "Pick members of this organization." }, "not_a_member");
    }
    const added = await tx
      .insert(t.groupMembers)
      .values(ids.map((userId) => ({ groupId: group.id, orgId: org.id, userId })))
      .onConflictDoNothing()
      .returning({ userId: t.groupMembers.userId });
    const byId = new Map(members.map((m) => [m.userId, m]));
    await recordActivities(
      tx,
      actor,
      added.map(({ userId }) => ({
        orgId: org.id,
        action: "group.member_added",
        target: { type: "user", id: userId, label: byId.get(userId)?.email ?? byId.get(userId)?.name ?? null },
        metadata: { group_id: group.id, group: group.name },
      })),
    );
    return { added: added.length };
  });
}

/** Takes members out of a group (one or many); ids not in it are ignored. */
export async function removeGroupMembers(actor: Actor, orgSlug: string, groupId: string, input: unknown) {
  const { user_ids } = parseInput(groupMembersSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", tx);
    const group = await loadGroup(tx, org.id, groupId);
    const removed = await tx
      .delete(t.groupMembers)
      .where(and(eq(t.groupMembers.groupId, group.id), inArray(t.groupMembers.userId, [...new Set(user_ids)])))
      .returning({ userId: t.groupMembers.userId });
    await recordActivities(
      tx,
      actor,
      removed.map(({ userId }) => ({
        orgId: org.id,
        action: "group.member_removed",
        target: { type: "user", id: userId },
        metadata: { group_id: group.id, group: group.name },
      })),
    );
    return { removed: removed.length };
  });
}

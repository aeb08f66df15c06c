import { count, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";

export type MemberGroup = { id: string; name: string; orgId: string; createdAt: Date; userCount: number };

/** Every group of the org each member belongs to, by user id (for the v1 users list's `groups`). */
export async function listMemberGroups(actor: Actor, orgSlug: string): Promise<Map<string, MemberGroup[]>> {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", q);
  const groups = await q
    .select({ id: t.groups.id, name: t.groups.name, createdAt: t.groups.createdAt, userCount: count(t.groupMembers.userId) })
    .from(t.groups)
    .leftJoin(t.groupMembers, eq(t.groupMembers.groupId, t.groups.id))
    .where(eq(t.groups.orgId, org.id))
    .groupBy(t.groups.id);
  const byUser = new Map<string, MemberGroup[]>();
  if (groups.length === 0) return byUser;
  const byId = new Map(groups.map((g) => [g.id, { ...g, orgId: org.id, userCount: Number(g.userCount) }]));
  const links = await q
    .select({ groupId: t.groupMembers.groupId, userId: t.groupMembers.userId })
    .from(t.groupMembers)
    .where(inArray(t.groupMembers.groupId, [...byId.keys()]));
  for (const { groupId, userId } of links) byUser.set(userId, [...(byUser.get(userId) ?? []), byId.get(groupId)!]);
  return byUser;
}

import { and, asc, count, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";
import { loadGroup } from "./load-group";

export async function listGroups(actor: Actor, orgSlug: string) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", q);
  const rows = await q
    .select({ id: t.groups.id, name: t.groups.name, createdAt: t.groups.createdAt, n: count(t.groupMembers.userId) })
    .from(t.groups)
    .leftJoin(t.groupMembers, eq(t.groupMembers.groupId, t.groups.id))
    .where(eq(t.groups.orgId, org.id))
    .groupBy(t.groups.id)
    .orderBy(asc(t.groups.name));
  return rows.map((r) => ({ id: r.id, name: r.name, member_count: Number(r.n), created_at: r.createdAt.toISOString() }));
}

export async function listGroupMembers(actor: Actor, orgSlug: string, groupId: string) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", q);
  const group = await loadGroup(q, org.id, groupId);
  const members = await q
    .select({ user_id: t.users.id, name: t.users.name, email: t.users.email, role: t.memberships.role })
    .from(t.groupMembers)
    .innerJoin(t.users, eq(t.users.id, t.groupMembers.userId))
    .innerJoin(t.memberships, and(eq(t.memberships.orgId, t.groupMembers.orgId), eq(t.memberships.userId, t.groupMembers.userId)))
    .where(eq(t.groupMembers.groupId, group.id))
    .orderBy(asc(t.users.name));
  return { group: { id: group.id, name: group.name, created_at: group.createdAt.toISOString() }, members };
}

/** Members of the org who are not in the group yet: the choices of Add Members. */
export async function listGroupCandidates(actor: Actor, orgSlug: string, groupId: string) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", q);
  const group = await loadGroup(q, org.id, groupId);
  const rows = await q
    .select({ user_id: t.users.id, name: t.users.name, email: t.users.email, inGroup: t.groupMembers.userId })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .leftJoin(t.groupMembers, and(eq(t.groupMembers.groupId, group.id), eq(t.groupMembers.userId, t.memberships.userId)))
    .where(eq(t.memberships.orgId, org.id))
    .orderBy(asc(t.users.name));
  return rows.filter((r) => !r.inGroup).map(({ user_id, name, email }) => ({ user_id, name, email }));
}

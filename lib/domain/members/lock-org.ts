import { and, count, eq, sql } from "drizzle-orm";
import { t, type Queryable, type Tx } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import type { Permission } from "@/lib/authz/policy";
import { loadOrgAccess, type OrgAccess } from "../organizations/org-access";

/**
 * Loads the actor's access with the org row locked (SELECT ... FOR UPDATE), so that role
 * changes, removals and leaving in one org run one after another. The actor's role is read
 * again after the lock is taken: an admin demoted by a transaction that committed while we
 * waited is no longer an admin here. This is what keeps "at least one admin" true when two
 * admins demote or remove each other at the same moment.
 */
export async function lockOrgAccess(tx: Tx, actor: Actor, orgSlug: string, permission?: Permission): Promise<OrgAccess> {
  const { org } = await loadOrgAccess(actor, orgSlug, undefined, tx);
  await tx.execute(sql`select id from organizations where id = ${org.id} for update`);
  return loadOrgAccess(actor, orgSlug, permission, tx);
}

export async function countAdmins(q: Queryable, orgId: string) {
  const [row] = await q
    .select({ n: count() })
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.role, "admin")));
  return row.n;
}

/** The target member of this org, with the user's name and email; "not found" otherwise. */
export async function findMember(q: Queryable, orgId: string, userId: string) {
  const [row] = await q
    .select({
      membershipId: t.memberships.id,
      userId: t.memberships.userId,
      role: t.memberships.role,
      seatAssignedAt: t.memberships.seatAssignedAt,
      name: t.users.name,
      email: t.users.email,
    })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

export const memberLabel = (m: { name: string; email: string | null }) => m.email ?? m.name;

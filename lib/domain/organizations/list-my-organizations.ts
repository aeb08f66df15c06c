import { and, asc, eq, isNull, or } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { requireUser } from "../users/require-user";

export async function listMyOrganizations(actor: Actor) {
  const { userId } = requireUser(actor);
  return (
    db()
      .select({
        id: t.organizations.id,
        orgId: t.organizations.slug,
        name: t.organizations.name,
        role: t.memberships.role,
        joinedAt: t.memberships.createdAt,
      })
      .from(t.memberships)
      .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.orgId))
      // An org whose identity provider deactivated this person (Directory Sync) is closed to them.
      .leftJoin(t.scimMembers, and(eq(t.scimMembers.orgId, t.memberships.orgId), eq(t.scimMembers.userId, t.memberships.userId)))
      .where(and(eq(t.memberships.userId, userId), or(isNull(t.scimMembers.active), eq(t.scimMembers.active, true))))
      .orderBy(asc(t.organizations.name))
  );
}

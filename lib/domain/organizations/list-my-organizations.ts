import { asc, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { requireUser } from "../users/require-user";

export async function listMyOrganizations(actor: Actor) {
  const { userId } = requireUser(actor);
  return db()
    .select({
      id: t.organizations.id,
      orgId: t.organizations.slug,
      name: t.organizations.name,
      role: t.memberships.role,
      joinedAt: t.memberships.createdAt,
    })
    .from(t.memberships)
    .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.orgId))
    .where(eq(t.memberships.userId, userId))
    .orderBy(asc(t.organizations.name));
}

import { asc, eq } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import type { EffectiveAccessResponse } from "@/lib/validation/settings";

export type OrgSettingsRow = { orgId: string; slug: string; name: string; cloudStorage: boolean; cloudNotebooks: boolean };

/**
 * The rule: cloud notebooks are off for a user if ANY org they belong to
 * turns them off (the strictest org decides, so one org cannot be used to get around another's
 * policy); cloud storage is decided by each org for work in that org.
 */
export function decideEffectiveAccess(userId: string, orgs: OrgSettingsRow[]): EffectiveAccessResponse {
  const ref = (o: OrgSettingsRow) => ({ org_id: o.orgId, organization_id: o.slug, name: o.name });
  const disabledBy = orgs.filter((o) => !o.cloudNotebooks).map(ref);
  return {
    user_id: userId,
    cloud_notebooks: { enabled: disabledBy.length === 0, disabled_by: disabledBy },
    cloud_storage: orgs.map((o) => ({ ...ref(o), enabled: o.cloudStorage })),
  };
}

/** The user's orgs and their settings, from the database on every call (no cache: changes apply on the next read). */
export async function loadUserOrgSettings(userId: string, q: Queryable = db()): Promise<OrgSettingsRow[]> {
  return q
    .select({
      orgId: t.organizations.id,
      slug: t.organizations.slug,
      name: t.organizations.name,
      cloudStorage: t.organizations.cloudStorage,
      cloudNotebooks: t.organizations.cloudNotebooks,
    })
    .from(t.memberships)
    .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.orgId))
    .where(eq(t.memberships.userId, userId))
    .orderBy(asc(t.organizations.name), asc(t.organizations.slug));
}

/** A user's own effective access (account page, GET /api/users/me/access). */
export async function getEffectiveAccess(actor: Actor, q: Queryable = db()): Promise<EffectiveAccessResponse> {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to continue.");
  if (actor.kind !== "user") {
    throw new AppError("forbidden", "A service account has no access of its own; read GET /api/organizations/{orgId}/settings.");
  }
  return decideEffectiveAccess(actor.userId, await loadUserOrgSettings(actor.userId, q));
}

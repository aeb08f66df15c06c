import { and, eq } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import type { Organization, Role } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { assertCan, type OrgPrincipal, type Permission } from "@/lib/authz/policy";
import { AppError, notFound } from "@/lib/errors";

export type OrgAccess = {
  org: Organization;
  principal: OrgPrincipal;
  /** The acting user's role, when the actor is a member. */
  role: Role | null;
};

const orgNotFound = () => notFound("Organization not found.");

export const mfaRequired = (orgName: string) =>
  new AppError(
    "forbidden",
    `${orgName} requires two-factor authentication. Enable it on your account page to continue.`,
    undefined,
    "mfa_required",
  );

/**
 * Loads an org by its Organization ID for an actor, from the database on every call (never
 * from a session), so removal and role changes apply at once. Orgs the actor cannot see are
 * "not found", never "forbidden".
 */
export async function loadOrgAccess(actor: Actor, orgSlug: string, permission?: Permission, q: Queryable = db()): Promise<OrgAccess> {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to continue.");
  const slug = orgSlug.trim().toLowerCase();
  // Anything that cannot be an Organization ID is simply not found (and never reaches SQL).
  if (!/^[a-z0-9-]{1,39}$/.test(slug)) throw orgNotFound();
  let access: OrgAccess | undefined;
  if (actor.kind === "user") {
    const [row] = await q
      .select({ org: t.organizations, role: t.memberships.role, twoFactorAt: t.users.totpEnabledAt, scimActive: t.scimMembers.active })
      .from(t.organizations)
      .innerJoin(t.memberships, and(eq(t.memberships.orgId, t.organizations.id), eq(t.memberships.userId, actor.userId)))
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .leftJoin(t.scimMembers, and(eq(t.scimMembers.orgId, t.memberships.orgId), eq(t.scimMembers.userId, t.memberships.userId)))
      .where(eq(t.organizations.slug, slug))
      .limit(1);
    // Deactivated by the org's identity provider (Directory Sync): still listed, but the org is
    // closed to them, as if they were not a member, until the IdP reactivates them.
    if (row?.scimActive === false) throw orgNotFound();
    // The org's "Require two-factor authentication": a member without 2FA can do nothing in it
    // (pages, actions and API alike) until they enable it.
    if (row?.org.requireTwoFactor && !row.twoFactorAt) throw mfaRequired(row.org.name);
    if (row) access = { org: row.org, role: row.role, principal: { kind: "member", role: row.role } };
  } else {
    const [org] = await q.select().from(t.organizations).where(eq(t.organizations.slug, slug)).limit(1);
    if (org && org.id === actor.orgId) access = { org, role: null, principal: { kind: "service_account" } };
  }
  if (!access) throw orgNotFound();
  if (permission) assertCan(access.principal, permission);
  return access;
}

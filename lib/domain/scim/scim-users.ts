import { and, asc, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { t, type Queryable } from "@/db";
import type { Organization } from "@/db/schema";
import { appUrl } from "@/lib/config";
import { scimNotFound } from "./scim-error";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

/**
 * The org's members as SCIM Users. Every person who is a member is one (also those invited by
 * hand: the IdP finds them by userName and links them); organization-managed machine users have
 * no address and are not the IdP's business. A member without a scim_members row is active.
 */
const columns = {
  userId: t.memberships.userId,
  joinedAt: t.memberships.createdAt,
  email: t.users.email,
  accountName: t.users.name,
  externalId: t.scimMembers.externalId,
  userName: t.scimMembers.userName,
  givenName: t.scimMembers.givenName,
  familyName: t.scimMembers.familyName,
  active: t.scimMembers.active,
  managesAccount: t.scimMembers.managesAccount,
  updatedAt: t.scimMembers.updatedAt,
};

export type ScimUserRow = {
  userId: string;
  joinedAt: Date;
  email: string | null;
  accountName: string;
  externalId: string | null;
  userName: string | null;
  givenName: string | null;
  familyName: string | null;
  active: boolean | null;
  managesAccount: boolean | null;
  updatedAt: Date | null;
};

/** The userName a member answers to: the IdP's when it set one, else the address. */
export const userNameSql = sql`lower(coalesce(${t.scimMembers.userName}, ${t.users.email}))`;

export function selectScimUsers(q: Queryable, orgId: string, where?: SQL) {
  return q
    .select(columns)
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .leftJoin(t.scimMembers, and(eq(t.scimMembers.orgId, t.memberships.orgId), eq(t.scimMembers.userId, t.memberships.userId)))
    .where(and(eq(t.memberships.orgId, orgId), isNull(t.users.managedByOrgId), where))
    .orderBy(asc(t.memberships.createdAt), asc(t.memberships.id));
}

export async function countScimUsers(q: Queryable, orgId: string, where?: SQL) {
  const [row] = await q
    .select({ n: count() })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .leftJoin(t.scimMembers, and(eq(t.scimMembers.orgId, t.memberships.orgId), eq(t.scimMembers.userId, t.memberships.userId)))
    .where(and(eq(t.memberships.orgId, orgId), isNull(t.users.managedByOrgId), where));
  return row.n;
}

/** One member as a SCIM User; 404 (the SCIM way) for anything that is not a member's id. */
export async function loadScimUser(q: Queryable, orgId: string, id: string): Promise<ScimUserRow> {
  if (!z.uuid().safeParse(id).success) throw scimNotFound("User", id);
  const [row] = await selectScimUsers(q, orgId, eq(t.memberships.userId, id)).limit(1);
  if (!row) throw scimNotFound("User", id);
  return row;
}

export const scimBase = (org: Pick<Organization, "slug">) => `${appUrl()}/scim/v2/organizations/${org.slug}`;

export function toScimUser(org: Pick<Organization, "slug">, r: ScimUserRow) {
  const email = r.email ?? undefined;
  const formatted = [r.givenName, r.familyName].filter(Boolean).join(" ") || r.accountName;
  return {
    schemas: [USER_SCHEMA],
    id: r.userId,
    ...(r.externalId ? { externalId: r.externalId } : {}),
    userName: r.userName ?? email ?? r.userId,
    name: { formatted, ...(r.givenName ? { givenName: r.givenName } : {}), ...(r.familyName ? { familyName: r.familyName } : {}) },
    displayName: r.accountName,
    emails: email ? [{ value: email, type: "work", primary: true }] : [],
    active: r.active ?? true,
    meta: {
      resourceType: "User",
      created: r.joinedAt.toISOString(),
      lastModified: (r.updatedAt ?? r.joinedAt).toISOString(),
      location: `${scimBase(org)}/Users/${r.userId}`,
    },
  };
}

export type ScimUser = ReturnType<typeof toScimUser>;

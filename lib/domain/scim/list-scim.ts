import { eq, sql, type SQL } from "drizzle-orm";
import { db, t } from "@/db";
import { loadOrgAccess } from "../organizations/org-access";
import { parseEqFilter, type Paging } from "./filter";
import { countScimGroups, groupMembersOf, loadScimGroup, selectScimGroups, toScimGroup } from "./scim-groups";
import type { ScimActor } from "./scim-token";
import { countScimUsers, loadScimUser, selectScimUsers, toScimUser, userNameSql } from "./scim-users";

export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export type ListQuery = Paging & { filter: string | null; excludeMembers?: boolean };

const listResponse = <R>(total: number, startIndex: number, resources: R[]) => ({
  schemas: [LIST_SCHEMA],
  totalResults: total,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});

function userWhere(filter: string | null): SQL | undefined {
  const f = parseEqFilter(filter, ["userName", "externalId", "id", "emails.value"]);
  if (!f) return undefined;
  // userName is case-insensitive (RFC 7643 4.1.1); externalId and id are exact.
  if (f.attribute === "userName") return sql`${userNameSql} = lower(${f.value})`;
  if (f.attribute === "emails.value") return sql`${t.users.email} = lower(${f.value})`;
  if (f.attribute === "externalId") return eq(t.scimMembers.externalId, f.value);
  return /^[0-9a-f-]{36}$/i.test(f.value) ? eq(t.memberships.userId, f.value) : sql`false`;
}

/** GET /Users: the org's members, filtered (`userName eq "..."`, `externalId eq "..."`) and paged. */
export async function listScimUsers(actor: ScimActor, orgSlug: string, query: ListQuery) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "members.manage", q);
  const where = userWhere(query.filter);
  const [total, rows] = await Promise.all([
    countScimUsers(q, org.id, where),
    query.count === 0
      ? []
      : selectScimUsers(q, org.id, where)
          .limit(query.count)
          .offset(query.startIndex - 1),
  ]);
  return listResponse(
    total,
    query.startIndex,
    rows.map((r) => toScimUser(org, r)),
  );
}

export async function getScimUser(actor: ScimActor, orgSlug: string, id: string) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "members.manage", q);
  return toScimUser(org, await loadScimUser(q, org.id, id));
}

function groupWhere(filter: string | null): SQL | undefined {
  const f = parseEqFilter(filter, ["displayName", "externalId", "id"]);
  if (!f) return undefined;
  if (f.attribute === "displayName") return sql`lower(${t.groups.name}) = lower(${f.value})`;
  if (f.attribute === "externalId") return eq(t.scimGroups.externalId, f.value);
  return /^[0-9a-f-]{36}$/i.test(f.value) ? eq(t.groups.id, f.value) : sql`false`;
}

/** GET /Groups; `excludedAttributes=members` (Entra ID asks for it) leaves members out. */
export async function listScimGroups(actor: ScimActor, orgSlug: string, query: ListQuery) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", q);
  const where = groupWhere(query.filter);
  const [total, rows] = await Promise.all([
    countScimGroups(q, org.id, where),
    query.count === 0
      ? []
      : selectScimGroups(q, org.id, where)
          .limit(query.count)
          .offset(query.startIndex - 1),
  ]);
  const members = query.excludeMembers
    ? null
    : await groupMembersOf(
        q,
        rows.map((r) => r.group.id),
      );
  return listResponse(
    total,
    query.startIndex,
    rows.map((r) => toScimGroup(org, r, members ? (members.get(r.group.id) ?? []) : undefined)),
  );
}

export async function getScimGroup(actor: ScimActor, orgSlug: string, id: string, excludeMembers = false) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", q);
  const row = await loadScimGroup(q, org.id, id);
  const members = excludeMembers ? undefined : ((await groupMembersOf(q, [row.group.id])).get(row.group.id) ?? []);
  return toScimGroup(org, row, members);
}

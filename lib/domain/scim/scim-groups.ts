import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { t, type Queryable } from "@/db";
import type { Group, Organization } from "@/db/schema";
import { scimNotFound } from "./scim-error";
import { scimBase } from "./scim-users";

export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** The org's Groups as SCIM Groups, with the externalId the IdP gave them. */
export function selectScimGroups(q: Queryable, orgId: string, where?: SQL) {
  return q
    .select({ group: t.groups, externalId: t.scimGroups.externalId, updatedAt: t.scimGroups.updatedAt })
    .from(t.groups)
    .leftJoin(t.scimGroups, eq(t.scimGroups.groupId, t.groups.id))
    .where(and(eq(t.groups.orgId, orgId), where))
    .orderBy(asc(t.groups.createdAt), asc(t.groups.id));
}

export async function countScimGroups(q: Queryable, orgId: string, where?: SQL) {
  const [row] = await q
    .select({ n: count() })
    .from(t.groups)
    .leftJoin(t.scimGroups, eq(t.scimGroups.groupId, t.groups.id))
    .where(and(eq(t.groups.orgId, orgId), where));
  return row.n;
}

export type ScimGroupRow = { group: Group; externalId: string | null; updatedAt: Date | null };

export async function loadScimGroup(q: Queryable, orgId: string, id: string): Promise<ScimGroupRow> {
  if (!z.uuid().safeParse(id).success) throw scimNotFound("Group", id);
  const [row] = await selectScimGroups(q, orgId, eq(t.groups.id, id)).limit(1);
  if (!row) throw scimNotFound("Group", id);
  return row;
}

/** Members of these groups (id and address), for the `members` attribute. */
export async function groupMembersOf(q: Queryable, groupIds: string[]) {
  if (groupIds.length === 0) return new Map<string, { value: string; display: string }[]>();
  const rows = await q
    .select({ groupId: t.groupMembers.groupId, userId: t.groupMembers.userId, email: t.users.email, name: t.users.name })
    .from(t.groupMembers)
    .innerJoin(t.users, eq(t.users.id, t.groupMembers.userId))
    .where(inArray(t.groupMembers.groupId, groupIds))
    .orderBy(asc(t.users.name));
  const byGroup = new Map<string, { value: string; display: string }[]>();
  for (const r of rows) {
    const list = byGroup.get(r.groupId) ?? [];
    list.push({ value: r.userId, display: r.email ?? r.name });
    byGroup.set(r.groupId, list);
  }
  return byGroup;
}

export function toScimGroup(org: Pick<Organization, "slug">, r: ScimGroupRow, members?: { value: string; display: string }[]) {
  const base = scimBase(org);
  return {
    schemas: [GROUP_SCHEMA],
    id: r.group.id,
    ...(r.externalId ? { externalId: r.externalId } : {}),
    displayName: r.group.name,
    ...(members ? { members: members.map((m) => ({ ...m, $ref: `${base}/Users/${m.value}` })) } : {}),
    meta: {
      resourceType: "Group",
      created: r.group.createdAt.toISOString(),
      lastModified: (r.updatedAt ?? r.group.createdAt).toISOString(),
      location: `${base}/Groups/${r.group.id}`,
    },
  };
}

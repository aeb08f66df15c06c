import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import { isUniqueViolation } from "@/lib/errors";
import { createGroup } from "../groups/create-group";
import { deleteGroup } from "../groups/delete-group";
import { addGroupMembers, removeGroupMembers } from "../groups/group-members";
import { renameGroup } from "../groups/rename-group";
import { loadOrgAccess } from "../organizations/org-access";
import { asRecord, memberFilterPath, memberIds, parsePatchBody, scimString } from "./patch";
import { invalidPath, invalidValue, ScimError } from "./scim-error";
import { getScimGroup } from "./list-scim";
import { loadScimGroup } from "./scim-groups";
import type { ScimActor } from "./scim-token";

/** What a POST, PUT or PATCH of a Group asks for; `members` is the set it should end with. */
type GroupPlan = { displayName?: string; externalId?: string | null; members?: (current: Set<string>) => Set<string> };

const groupNameOf = (v: unknown) => {
  const name = scimString(v, "displayName", 64);
  if (!name) throw invalidValue("displayName is required.");
  return name;
};

/**
 * Carries a plan out through the Groups use cases (each records its own activity with the SCIM
 * actor): rename, the externalId, then one add and one remove for the members that differ.
 */
async function applyGroupPlan(actor: ScimActor, orgSlug: string, groupId: string, plan: GroupPlan) {
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage");
  const row = await loadScimGroup(db(), org.id, groupId);
  if (plan.externalId !== undefined && plan.externalId !== row.externalId) {
    try {
      await db()
        .insert(t.scimGroups)
        .values({ groupId, orgId: org.id, externalId: plan.externalId })
        .onConflictDoUpdate({ target: t.scimGroups.groupId, set: { externalId: plan.externalId, updatedAt: new Date() } });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ScimError(409, "Another group of this organization has this externalId.", "uniqueness");
      throw err;
    }
  }
  if (plan.displayName !== undefined && plan.displayName !== row.group.name)
    await renameGroup(actor, orgSlug, groupId, { name: plan.displayName });
  if (plan.members) {
    const currentRows = await db()
      .select({ userId: t.groupMembers.userId })
      .from(t.groupMembers)
      .where(eq(t.groupMembers.groupId, groupId));
    const current = new Set(currentRows.map((r) => r.userId));
    const wanted = plan.members(new Set(current));
    const add = [...wanted].filter((id) => !current.has(id));
    const remove = [...current].filter((id) => !wanted.has(id));
    if (add.length) await addGroupMembers(actor, orgSlug, groupId, { user_ids: add });
    if (remove.length) await removeGroupMembers(actor, orgSlug, groupId, { user_ids: remove });
  }
  return getScimGroup(actor, orgSlug, groupId);
}

/** Ids that are not members of this org are refused before anything is written. */
async function assertMembers(orgId: string, ids: string[]) {
  if (ids.length === 0) return;
  if (ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) throw invalidValue("Each member value is the id of a User of this organization.");
  const rows = await db()
    .select({ userId: t.memberships.userId })
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, orgId), inArray(t.memberships.userId, ids)));
  if (rows.length !== new Set(ids).size) throw invalidValue("Each member value is the id of a User of this organization.");
}

/** POST /Groups: a new Group of the org (Groups use case), with its externalId and members. */
export async function createScimGroup(actor: ScimActor, orgSlug: string, body: unknown) {
  const r = asRecord(body) ?? {};
  const displayName = groupNameOf(r.displayName);
  const externalId = scimString(r.externalId, "externalId");
  const ids = memberIds(r.members);
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage");
  await assertMembers(org.id, ids);
  if (externalId) {
    const [taken] = await db()
      .select({ id: t.scimGroups.groupId })
      .from(t.scimGroups)
      .where(and(eq(t.scimGroups.orgId, org.id), eq(t.scimGroups.externalId, externalId)));
    if (taken) throw new ScimError(409, "Another group of this organization has this externalId.", "uniqueness");
  }
  const group = await createGroup(actor, orgSlug, { name: displayName });
  return applyGroupPlan(actor, orgSlug, group.id, { externalId, members: () => new Set(ids) });
}

/** PUT /Groups/{id}: name, externalId and exactly these members. */
export async function replaceScimGroup(actor: ScimActor, orgSlug: string, id: string, body: unknown) {
  const r = asRecord(body) ?? {};
  const displayName = groupNameOf(r.displayName);
  const ids = memberIds(r.members);
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage");
  await loadScimGroup(db(), org.id, id);
  await assertMembers(org.id, ids);
  return applyGroupPlan(actor, orgSlug, id, {
    displayName,
    externalId: scimString(r.externalId, "externalId"),
    members: () => new Set(ids),
  });
}

/**
 * PATCH /Groups/{id} as Entra ID and Okta send it: `add`/`remove` of `members` (a list of
 * `{value}`), `remove` with `members[value eq "<id>"]`, `replace` of `members`, `displayName`
 * or `externalId`, and a pathless `replace` whose value holds `displayName` (Okta).
 */
export async function patchScimGroup(actor: ScimActor, orgSlug: string, id: string, body: unknown) {
  const ops = parsePatchBody(body);
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage");
  await loadScimGroup(db(), org.id, id);
  const plan: GroupPlan = {};
  const steps: ((s: Set<string>) => void)[] = [];
  const added: string[] = [];
  const setAttr = (op: string, attr: string, value: unknown) => {
    const a = attr.toLowerCase();
    if (a === "displayname") {
      if (op === "remove") throw new ScimError(400, "displayName cannot be removed.", "mutability");
      plan.displayName = groupNameOf(value);
    } else if (a === "externalid") plan.externalId = op === "remove" ? null : scimString(value, "externalId");
    else if (a === "members") {
      const ids = memberIds(value);
      if (op === "add") {
        added.push(...ids);
        steps.push((s) => ids.forEach((x) => s.add(x)));
      } else if (op === "replace") {
        added.push(...ids);
        steps.push((s) => (s.clear(), ids.forEach((x) => s.add(x))));
      } else if (value === undefined || value === null) steps.push((s) => s.clear());
      else steps.push((s) => ids.forEach((x) => s.delete(x)));
    }
    // Other attributes (id, schemas, meta, extensions) are not the Group's to change: ignored.
  };
  for (const { op, path, value } of ops) {
    if (path === null) {
      for (const [k, v] of Object.entries(asRecord(value) ?? {})) setAttr(op, k, v);
      continue;
    }
    const filtered = memberFilterPath(path);
    if (filtered !== null) {
      if (op !== "remove") throw invalidPath('members[value eq "..."] is only used to remove a member.');
      steps.push((s) => s.delete(filtered));
    } else if (/^(displayName|externalId|members)$/i.test(path)) setAttr(op, path, value);
    else throw invalidPath(`${path} is not an attribute of a Group this server changes.`);
  }
  await assertMembers(org.id, added);
  if (steps.length) plan.members = (s) => (steps.forEach((step) => step(s)), s);
  return applyGroupPlan(actor, orgSlug, id, plan);
}

/** DELETE /Groups/{id}: the Group is deleted (its channel links go with it). */
export async function deleteScimGroup(actor: ScimActor, orgSlug: string, id: string) {
  const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage");
  await loadScimGroup(db(), org.id, id);
  await deleteGroup(actor, orgSlug, id);
}

import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { listGroupMembers } from "@/lib/domain/groups/list-groups";
import { useTestDatabase } from "@/test/db";
import { entra, okta } from "./fixtures/idp-bodies";
import { scim, scimOrg, scimRoutes as r } from "./test-support";

useTestDatabase();

const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
type Group = { id: string; displayName: string; externalId?: string; members?: { value: string; display: string }[] };

async function people(home: Awaited<ReturnType<typeof scimOrg>>, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const userName = `g${i}-${randomBytes(3).toString("hex")}@corp.example`;
    const res = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: { ...okta.createUser(userName), externalId: userName },
    });
    expect(res.status).toBe(201);
    ids.push((res.body as { id: string }).id);
  }
  return ids;
}

const memberIdsOf = async (home: Awaited<ReturnType<typeof scimOrg>>, groupId: string) =>
  (await listGroupMembers(home.admin, home.org.slug, groupId)).members.map((m) => m.user_id).sort();

describe("SCIM Groups map to the org's Groups", () => {
  it("Entra: create with externalId, Add and Remove members; each change is the Groups use case's activity with the SCIM actor", async () => {
    const home = await scimOrg();
    const [a, b] = await people(home, 2);
    const created = await scim(r.groups.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createGroup("Engineering", "entra-eng"),
    });
    expect(created).toMatchObject({ status: 201, body: { displayName: "Engineering", externalId: "entra-eng", members: [] } });
    const id = (created.body as Group).id;
    const [group] = await db().select().from(t.groups).where(eq(t.groups.id, id));
    expect(group).toMatchObject({ orgId: home.org.id, name: "Engineering" });

    const patch = (body: unknown) =>
      scim(r.group.PATCH, home.org.slug, home.scimToken, { method: "PATCH", path: `/Groups/${id}`, id, body });
    expect((await patch(entra.addMembers(a))).status).toBe(200);
    expect((await patch(entra.addMembers(b))).status).toBe(200);
    expect(await memberIdsOf(home, id)).toEqual([a, b].sort());
    const removed = await patch(entra.removeMembers(a));
    expect((removed.body as Group).members!.map((m) => m.value)).toEqual([b]);

    const log = await db().select().from(t.activity).where(eq(t.activity.orgId, home.org.id)).orderBy(desc(t.activity.id)).limit(4);
    expect(log.map((e) => [e.action, e.actorType, e.actorLabel])).toEqual([
      ["group.member_removed", "scim", "SCIM"],
      ["group.member_added", "scim", "SCIM"],
      ["group.member_added", "scim", "SCIM"],
      ["group.created", "scim", "SCIM"],
    ]);

    const byExternal = await scim(r.groups.GET, home.org.slug, home.scimToken, {
      path: `/Groups?filter=${encodeURIComponent('externalId eq "entra-eng"')}&excludedAttributes=members`,
    });
    expect(byExternal.body).toMatchObject({ totalResults: 1, Resources: [{ id, displayName: "Engineering" }] });
    expect((byExternal.body as { Resources: Group[] }).Resources[0].members).toBeUndefined();
  });

  it("Okta: create, rename by a pathless replace, add members, remove one with members[value eq]; filter by displayName", async () => {
    const home = await scimOrg();
    const [a, b, c] = await people(home, 3);
    const created = await scim(r.groups.POST, home.org.slug, home.scimToken, { method: "POST", body: okta.createGroup("Test SCIMv2") });
    const id = (created.body as Group).id;
    const patch = (body: unknown) =>
      scim(r.group.PATCH, home.org.slug, home.scimToken, { method: "PATCH", path: `/Groups/${id}`, id, body });

    expect(await patch(okta.renameGroup(id, "Renamed SCIMv2"))).toMatchObject({ status: 200, body: { displayName: "Renamed SCIMv2" } });
    const added = await patch(okta.addMembers([a, b, c].map((x) => ({ id: x, display: "someone" }))));
    expect((added.body as Group).members).toHaveLength(3);
    expect(await patch(okta.removeMember(b))).toMatchObject({ status: 200 });
    expect(await memberIdsOf(home, id)).toEqual([a, c].sort());

    const found = await scim(r.groups.GET, home.org.slug, home.scimToken, {
      path: `/Groups?filter=${encodeURIComponent('displayName eq "renamed scimv2"')}`,
    });
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    const page = await scim(r.groups.GET, home.org.slug, home.scimToken, { path: "/Groups?startIndex=1&count=100" });
    expect(page.body).toMatchObject({ totalResults: 1, itemsPerPage: 1 });
  });

  it("replace of members, PUT with exactly these members, remove all members; DELETE deletes the Group", async () => {
    const home = await scimOrg();
    const [a, b, c] = await people(home, 3);
    const created = await scim(r.groups.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Data", members: [{ value: a }, { value: b }] },
    });
    expect(created.status).toBe(201);
    const id = (created.body as Group).id;
    expect(await memberIdsOf(home, id)).toEqual([a, b].sort());
    const patch = (body: unknown) =>
      scim(r.group.PATCH, home.org.slug, home.scimToken, { method: "PATCH", path: `/Groups/${id}`, id, body });
    await patch({ Operations: [{ op: "Replace", path: "members", value: [{ value: c }] }] });
    expect(await memberIdsOf(home, id)).toEqual([c]);
    const put = await scim(r.group.PUT, home.org.slug, home.scimToken, {
      method: "PUT",
      path: `/Groups/${id}`,
      id,
      body: { displayName: "Data Science", externalId: "ds", members: [{ value: a }, { value: c }] },
    });
    expect(put).toMatchObject({ status: 200, body: { displayName: "Data Science", externalId: "ds" } });
    expect(await memberIdsOf(home, id)).toEqual([a, c].sort());
    await patch({ Operations: [{ op: "remove", path: "members" }] });
    expect(await memberIdsOf(home, id)).toEqual([]);

    const del = await scim(r.group.DELETE, home.org.slug, home.scimToken, { method: "DELETE", path: `/Groups/${id}`, id });
    expect(del.status).toBe(204);
    expect(await db().select().from(t.groups).where(eq(t.groups.id, id))).toEqual([]);
    const gone = await scim(r.group.GET, home.org.slug, home.scimToken, { path: `/Groups/${id}`, id });
    expect(gone).toMatchObject({ status: 404, body: { schemas: [ERROR], status: "404" } });
  });

  it("refuses members from outside the org, a taken name, and paths a Group does not have, writing nothing", async () => {
    const home = await scimOrg();
    const other = await scimOrg();
    const [outsider] = await people(other, 1);
    const [a] = await people(home, 1);
    const created = await scim(r.groups.POST, home.org.slug, home.scimToken, { method: "POST", body: okta.createGroup("Ops") });
    const id = (created.body as Group).id;
    const patch = (body: unknown) =>
      scim(r.group.PATCH, home.org.slug, home.scimToken, { method: "PATCH", path: `/Groups/${id}`, id, body });
    expect(
      await patch(
        okta.addMembers([
          { id: a, display: "a" },
          { id: outsider, display: "x" },
        ]),
      ),
    ).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    expect(await patch(okta.addMembers([{ id: "not-a-uuid", display: "x" }]))).toMatchObject({ status: 400 });
    expect(await memberIdsOf(home, id)).toEqual([]);
    expect(await patch({ Operations: [{ op: "replace", path: "owner", value: "x" }] })).toMatchObject({
      status: 400,
      body: { scimType: "invalidPath" },
    });
    expect(await patch({ Operations: [{ op: "add", path: `members[value eq "${a}"]`, value: "x" }] })).toMatchObject({
      status: 400,
      body: { scimType: "invalidPath" },
    });
    const dup = await scim(r.groups.POST, home.org.slug, home.scimToken, { method: "POST", body: okta.createGroup("ops") });
    expect(dup).toMatchObject({ status: 409, body: { schemas: [ERROR], scimType: "uniqueness" } });
    const otherGroup = await scim(r.group.GET, other.org.slug, other.scimToken, { path: `/Groups/${id}`, id });
    expect(otherGroup.status).toBe(404);
  });
});

import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { listMembers } from "@/lib/domain/members/list-members";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";
import { listMyOrganizations } from "@/lib/domain/organizations/list-my-organizations";
import { assignSeats } from "@/lib/domain/seats/assign-seats";
import { setSeat } from "@/lib/domain/tokens/member/test-support";
import { giveToken } from "@/lib/domain/members/test-support";
import { callRoute } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { entra, okta } from "./fixtures/idp-bodies";
import { scim, scimOrg, scimRoutes as r } from "./test-support";

useTestDatabase();

const address = (who = "person") => `${who}-${randomBytes(3).toString("hex")}@corp.example`;
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
type ScimUserBody = {
  id: string;
  userName: string;
  active: boolean;
  externalId?: string;
  name: Record<string, string>;
  emails: { value: string }[];
};

async function lastActivity(orgId: string) {
  const [row] = await db().select().from(t.activity).where(eq(t.activity.orgId, orgId)).orderBy(desc(t.activity.id)).limit(1);
  return row;
}

async function membership(orgId: string, userId: string) {
  const [m] = await db()
    .select()
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.userId, userId)));
  return m ?? null;
}

describe("SCIM Users", () => {
  it("Okta's create flow: filter by userName finds nobody, POST makes a verified account without password as a Member without a seat", async () => {
    const home = await scimOrg();
    const userName = address("john");
    const filter = `?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`;
    const none = await scim(r.users.GET, home.org.slug, home.scimToken, { path: `/Users${filter}` });
    expect(none.status).toBe(200);
    expect(none.headers.get("content-type")).toBe("application/scim+json");
    expect(none.body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });

    const created = await scim(r.users.POST, home.org.slug, home.scimToken, { method: "POST", body: okta.createUser(userName) });
    expect(created.status).toBe(201);
    const u = created.body as ScimUserBody;
    expect(u).toMatchObject({
      userName,
      active: true,
      externalId: "00ujl29u0le5T6Aj10h7",
      name: { givenName: "John", familyName: "Smith" },
    });
    expect(u.emails[0].value).toBe(userName);
    const [account] = await db().select().from(t.users).where(eq(t.users.id, u.id));
    expect(account).toMatchObject({ email: userName, passwordHash: null, managedByOrgId: null, name: "John Smith" });
    expect(account.emailVerifiedAt).not.toBeNull();
    expect(await membership(home.org.id, u.id)).toMatchObject({ role: "member", seatAssignedAt: null });
    expect(await lastActivity(home.org.id)).toMatchObject({
      actorType: "scim",
      actorLabel: "SCIM",
      action: "member.added",
      targetId: u.id,
    });

    const found = await scim(r.users.GET, home.org.slug, home.scimToken, {
      path: `/Users${filter.replace(userName, userName.toUpperCase())}`,
    });
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: u.id }] });
    const one = await scim(r.user.GET, home.org.slug, home.scimToken, { path: `/Users/${u.id}`, id: u.id });
    expect(one.body).toMatchObject({
      id: u.id,
      meta: { resourceType: "User", location: expect.stringContaining(`/scim/v2/organizations/${home.org.slug}/Users/${u.id}`) },
    });
  });

  it("an existing account with a verified address in the org's verified domain becomes the member; outside it, unverified, a duplicate and a taken externalId are 409 uniqueness", async () => {
    const home = await scimOrg();
    const domain = `existing-${randomBytes(3).toString("hex")}.example`;
    const [user] = await db()
      .insert(t.users)
      .values({ name: "Existing Person", email: `person@${domain}`, emailVerifiedAt: new Date() })
      .returning();
    const existing = { userId: user.id, label: user.email! };
    const outside = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createUser(existing.label, "ext-0"),
    });
    expect(outside).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    expect(await membership(home.org.id, existing.userId)).toBeNull();
    await db().insert(t.orgDomains).values({ orgId: home.org.id, domain, verificationToken: "x", verifiedAt: new Date() });
    const res = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createUser(existing.label, "ext-1"),
    });
    expect(res.status).toBe(201);
    expect((res.body as ScimUserBody).id).toBe(existing.userId);
    const [account] = await db().select().from(t.users).where(eq(t.users.id, existing.userId));
    expect(account.name).toBe("Existing Person"); // the person's own account is not renamed by an org

    const again = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createUser(existing.label, "ext-2"),
    });
    expect(again).toMatchObject({ status: 409, body: { schemas: [ERROR], status: "409", scimType: "uniqueness" } });
    const sameExternal = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createUser(address(), "ext-1"),
    });
    expect(sameExternal).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });

    const unverified = address("squatter");
    await db().insert(t.users).values({ name: "Squatter", email: unverified });
    const refused = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createUser(unverified, "ext-3"),
    });
    expect(refused).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    const [squatter] = await db().select().from(t.users).where(eq(t.users.email, unverified));
    expect(await membership(home.org.id, squatter.id)).toBeNull();
  });

  it("pages with startIndex and count, filters by externalId, and refuses filters it does not support", async () => {
    const home = await scimOrg();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await scim(r.users.POST, home.org.slug, home.scimToken, {
        method: "POST",
        body: entra.createUser(address(`p${i}`), `page-${i}`),
      });
      ids.push((res.body as ScimUserBody).id);
    }
    const page = await scim(r.users.GET, home.org.slug, home.scimToken, { path: "/Users?startIndex=3&count=2" });
    // The org's admin joined first, then the five in order.
    expect(page.body).toMatchObject({ totalResults: 6, startIndex: 3, itemsPerPage: 2 });
    expect((page.body as { Resources: { id: string }[] }).Resources.map((x) => x.id)).toEqual([ids[1], ids[2]]);
    const counted = await scim(r.users.GET, home.org.slug, home.scimToken, { path: "/Users?count=0" });
    expect(counted.body).toMatchObject({ totalResults: 6, itemsPerPage: 0, Resources: [] });
    const byExternal = await scim(r.users.GET, home.org.slug, home.scimToken, {
      path: `/Users?filter=${encodeURIComponent('externalId eq "page-3"')}`,
    });
    expect(byExternal.body).toMatchObject({ totalResults: 1, Resources: [{ id: ids[3], externalId: "page-3" }] });
    for (const bad of ['userName co "x"', 'title eq "x"', "userName eq x"]) {
      const res = await scim(r.users.GET, home.org.slug, home.scimToken, { path: `/Users?filter=${encodeURIComponent(bad)}` });
      expect(res, bad).toMatchObject({ status: 400, body: { schemas: [ERROR], status: "400", scimType: "invalidFilter" } });
    }
    const badCount = await scim(r.users.GET, home.org.slug, home.scimToken, { path: "/Users?count=many" });
    expect(badCount.status).toBe(400);
  });

  it("Entra's PATCH bodies: names, userName, the work address (unchanged only), several attributes without a path", async () => {
    const home = await scimOrg();
    const email = address("ada");
    const { body } = await scim(r.users.POST, home.org.slug, home.scimToken, { method: "POST", body: entra.createUser(email, "ada-1") });
    const id = (body as ScimUserBody).id;
    const patch = (b: unknown) => scim(r.user.PATCH, home.org.slug, home.scimToken, { method: "PATCH", path: `/Users/${id}`, id, body: b });

    expect(await patch(entra.updateMultiValued(email))).toMatchObject({ status: 200, body: { name: { familyName: "updatedFamilyName" } } });
    expect(await lastActivity(home.org.id)).toMatchObject({
      actorLabel: "SCIM",
      action: "member.updated",
      metadata: { fields: ["familyName", "displayName"] },
    });
    const moved = await patch(entra.updateMultiValued(address("elsewhere")));
    expect(moved).toMatchObject({ status: 400, body: { schemas: [ERROR], scimType: "mutability" } });

    const upn = address("ada.upn");
    expect(await patch(entra.updateSingleValued(upn))).toMatchObject({ status: 200, body: { userName: upn, emails: [{ value: email }] } });
    const found = await scim(r.users.GET, home.org.slug, home.scimToken, {
      path: `/Users?filter=${encodeURIComponent(`userName eq "${upn}"`)}`,
    });
    expect(found.body).toMatchObject({ totalResults: 1 });

    const many = await patch(entra.replaceManyLegacy());
    expect(many).toMatchObject({ status: 200, body: { name: { givenName: "Grace", familyName: "Hopper" }, displayName: "Grace Hopper" } });
    // The account was made by this org's SCIM, so its name follows the IdP.
    const [account] = await db().select().from(t.users).where(eq(t.users.id, id));
    expect(account.name).toBe("Grace Hopper");

    const removed = await patch({
      Operations: [
        { op: "remove", path: "externalId" },
        { op: "add", path: "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", value: "G." },
      ],
    });
    expect(removed.status).toBe(200);
    expect((removed.body as ScimUserBody).externalId).toBeUndefined();
    expect((removed.body as ScimUserBody).name.givenName).toBe("G.");

    for (const bad of [
      {},
      { Operations: [] },
      { Operations: [{ op: "move", path: "active" }] },
      { Operations: [{ op: "replace", path: "active", value: "maybe" }] },
    ]) {
      const res = await patch(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((res.body as { schemas: string[] }).schemas).toEqual([ERROR]);
    }
  });

  it("active false (Entra, legacy Entra, Okta, PUT) revokes seat and token at once, keeps the member listed as inactive and closes the org to them; true restores the membership without a seat", async () => {
    const home = await scimOrg();
    const leaver = address("leaver");
    const { body } = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createUser(leaver, "leaver"),
    });
    const id = (body as ScimUserBody).id;
    const person = { kind: "user" as const, userId: id, label: leaver };
    const patch = (b: unknown) => scim(r.user.PATCH, home.org.slug, home.scimToken, { method: "PATCH", path: `/Users/${id}`, id, body: b });
    const put = (active: unknown) =>
      scim(r.user.PUT, home.org.slug, home.scimToken, {
        method: "PUT",
        path: `/Users/${id}`,
        id,
        body: { ...entra.createUser(person.label, "leaver"), active },
      });
    const deactivations = [
      () => patch(entra.disableUser()),
      () => patch(entra.disableUserLegacy()),
      () => patch(okta.deactivate()),
      () => put("False"),
    ];
    const reactivations = [
      () => patch(entra.enableUserLegacy()),
      () => patch(okta.reactivate()),
      () => put(true),
      () => patch(okta.reactivate()),
    ];

    for (let i = 0; i < deactivations.length; i++) {
      await setSeat(home.org, id, true);
      await giveToken(home.org, id);
      await loadOrgAccess(person, home.org.slug);
      const off = await deactivations[i]();
      expect(off, `deactivation ${i}`).toMatchObject({ status: 200, body: { active: false } });
      expect(await membership(home.org.id, id)).toMatchObject({ seatAssignedAt: null });
      const live = await db()
        .select()
        .from(t.memberTokens)
        .where(and(eq(t.memberTokens.orgId, home.org.id), eq(t.memberTokens.userId, id), isNull(t.memberTokens.revokedAt)));
      expect(live).toEqual([]);
      expect(await lastActivity(home.org.id)).toMatchObject({
        actorType: "scim",
        action: "member.deactivated",
        metadata: { seatRevoked: true },
      });
      await expect(loadOrgAccess(person, home.org.slug)).rejects.toMatchObject({ code: "not_found" });
      expect(await listMyOrganizations(person)).toEqual([]);
      const listed = await listMembers(home.admin, home.org.slug);
      expect(listed.rows.find((m) => m.userId === id)).toMatchObject({ active: false, seat: false });
      const seat = await assignSeats(home.admin, home.org.slug, { userIds: [id] });
      expect(seat.results[0].outcome).toBe("not_member");
      const filtered = await scim(r.users.GET, home.org.slug, home.scimToken, {
        path: `/Users?filter=${encodeURIComponent(`userName eq "${person.label}"`)}`,
      });
      expect(filtered.body).toMatchObject({ Resources: [{ id, active: false }] });

      const on = await reactivations[i]();
      expect(on, `reactivation ${i}`).toMatchObject({ status: 200, body: { active: true } });
      expect(await membership(home.org.id, id)).toMatchObject({ seatAssignedAt: null });
      expect(await lastActivity(home.org.id)).toMatchObject({ action: "member.reactivated", actorLabel: "SCIM" });
      await loadOrgAccess(person, home.org.slug);
      expect((await listMyOrganizations(person)).map((o) => o.orgId)).toEqual([home.org.slug]);
    }
  });

  it("an Account Admin is not deactivated or deleted through SCIM (like a service account); a person admin still can", async () => {
    const home = await scimOrg();
    const id = home.admin.userId;
    const off = await scim(r.user.PATCH, home.org.slug, home.scimToken, {
      method: "PATCH",
      path: `/Users/${id}`,
      id,
      body: entra.disableUser(),
    });
    expect(off).toMatchObject({ status: 403, body: { schemas: [ERROR], status: "403" } });
    const del = await scim(r.user.DELETE, home.org.slug, home.scimToken, { method: "DELETE", path: `/Users/${id}`, id });
    expect(del.status).toBe(403);
    expect(await membership(home.org.id, id)).not.toBeNull();
  });

  it("DELETE removes the membership (seat and token with it); the User is then 404 in the SCIM error schema", async () => {
    const home = await scimOrg();
    const { body } = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: entra.createUser(address("gone"), "gone"),
    });
    const id = (body as ScimUserBody).id;
    await setSeat(home.org, id, true);
    await giveToken(home.org, id);
    const del = await scim(r.user.DELETE, home.org.slug, home.scimToken, { method: "DELETE", path: `/Users/${id}`, id });
    expect(del.status).toBe(204);
    expect(await membership(home.org.id, id)).toBeNull();
    expect(await lastActivity(home.org.id)).toMatchObject({ actorType: "scim", action: "member.removed", metadata: { seatRevoked: true } });
    const [scimRow] = await db().select().from(t.scimMembers).where(eq(t.scimMembers.userId, id));
    expect(scimRow).toBeUndefined();
    for (const method of ["GET", "PATCH", "PUT", "DELETE"] as const) {
      const handler = r.user[method];
      const res = await scim(handler, home.org.slug, home.scimToken, {
        method,
        path: `/Users/${id}`,
        id,
        body: method === "PATCH" ? okta.deactivate() : method === "PUT" ? entra.createUser(address(), "x") : undefined,
      });
      expect(res, method).toMatchObject({ status: 404, body: { schemas: [ERROR], status: "404" } });
      expect(res.headers.get("content-type")).toBe("application/scim+json");
    }
    const notAnId = await scim(r.user.GET, home.org.slug, home.scimToken, { path: "/Users/not-an-id", id: "not-an-id" });
    expect(notAnId.status).toBe(404);
  });

  it("bodies that are not SCIM JSON are 400 in the error schema; methods a resource does not answer are 405", async () => {
    const home = await scimOrg();
    const form = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: "userName=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form).toMatchObject({ status: 400, body: { schemas: [ERROR], scimType: "invalidSyntax" } });
    const broken = await scim(r.users.POST, home.org.slug, home.scimToken, { method: "POST", body: "{not json" });
    expect(broken).toMatchObject({ status: 400, body: { scimType: "invalidSyntax" } });
    const asJson = await scim(r.users.POST, home.org.slug, home.scimToken, {
      method: "POST",
      body: okta.createUser(address()),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(asJson.status).toBe(201);
    const noName = await scim(r.users.POST, home.org.slug, home.scimToken, { method: "POST", body: { schemas: [], emails: [] } });
    expect(noName).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    const put = await scim(r.users.PUT, home.org.slug, home.scimToken, { method: "PUT", body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });

  it("discovery: ServiceProviderConfig, ResourceTypes and Schemas; any other path is a SCIM 404 behind the token", async () => {
    const home = await scimOrg();
    const other = r.other.GET as unknown as Parameters<typeof callRoute>[0];
    const unknown = await callRoute(other, {
      path: "/scim/v2/x/Bulk",
      token: home.scimToken,
      params: { orgId: home.org.slug, rest: ["Bulk"] } as never,
    });
    expect(unknown).toMatchObject({ status: 404, body: { schemas: [ERROR], status: "404" } });
    const anonymous = await callRoute(other, { path: "/scim/v2/x/Bulk", params: { orgId: home.org.slug, rest: ["Bulk"] } as never });
    expect(anonymous.status).toBe(401);
    const spc = await scim(r.spc.GET, home.org.slug, home.scimToken, { path: "/ServiceProviderConfig" });
    expect(spc).toMatchObject({
      status: 200,
      body: { patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } },
    });
    const types = await scim(r.resourceTypes.GET, home.org.slug, home.scimToken, { path: "/ResourceTypes" });
    expect((types.body as { Resources: { id: string }[] }).Resources.map((x) => x.id)).toEqual(["User", "Group"]);
    const schemas = await scim(r.schemas.GET, home.org.slug, home.scimToken, { path: "/Schemas" });
    expect((schemas.body as { Resources: { name: string }[] }).Resources.map((x) => x.name)).toEqual(["User", "Group"]);
    expect(schemas.headers.get("content-type")).toBe("application/scim+json");
  });
});

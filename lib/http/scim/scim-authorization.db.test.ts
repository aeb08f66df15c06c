import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { getAuthSecret } from "@/lib/auth/secret";
import { startSession } from "@/lib/auth/session-store";
import { okta } from "@/lib/domain/scim/fixtures/idp-bodies";
import { generateScimToken, revokeScimToken } from "@/lib/domain/scim/scim-token";
import { scim, scimOrg, scimRoutes as r } from "@/lib/domain/scim/test-support";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { setSeat } from "@/lib/domain/tokens/member/test-support";
import { useTestDatabase } from "@/test/db";

useTestDatabase();

type Handler = Parameters<typeof scim>[0];
type Home = Awaited<ReturnType<typeof scimOrg>>;

/** Every SCIM route, with what a call needs (ids of a User and a Group of the home org). */
function calls(
  userId: string,
  groupId: string,
): Array<{ name: string; handler: Handler; method: string; path: string; id?: string; body?: unknown }> {
  return [
    { name: "GET ServiceProviderConfig", handler: r.spc.GET, method: "GET", path: "/ServiceProviderConfig" },
    { name: "GET ResourceTypes", handler: r.resourceTypes.GET, method: "GET", path: "/ResourceTypes" },
    { name: "GET Schemas", handler: r.schemas.GET, method: "GET", path: "/Schemas" },
    { name: "GET Users", handler: r.users.GET, method: "GET", path: "/Users" },
    {
      name: "POST Users",
      handler: r.users.POST,
      method: "POST",
      path: "/Users",
      body: { ...okta.createUser(`matrix-${randomBytes(3).toString("hex")}@corp.example`), externalId: "matrix" },
    },
    { name: "GET Users/{id}", handler: r.user.GET, method: "GET", path: `/Users/${userId}`, id: userId },
    {
      name: "PUT Users/{id}",
      handler: r.user.PUT,
      method: "PUT",
      path: `/Users/${userId}`,
      id: userId,
      body: { userName: "put@corp.example", active: true },
    },
    { name: "PATCH Users/{id}", handler: r.user.PATCH, method: "PATCH", path: `/Users/${userId}`, id: userId, body: okta.deactivate() },
    { name: "GET Groups", handler: r.groups.GET, method: "GET", path: "/Groups" },
    { name: "POST Groups", handler: r.groups.POST, method: "POST", path: "/Groups", body: okta.createGroup("Matrix") },
    { name: "GET Groups/{id}", handler: r.group.GET, method: "GET", path: `/Groups/${groupId}`, id: groupId },
    {
      name: "PUT Groups/{id}",
      handler: r.group.PUT,
      method: "PUT",
      path: `/Groups/${groupId}`,
      id: groupId,
      body: { displayName: "Renamed", members: [{ value: userId }] },
    },
    {
      name: "PATCH Groups/{id}",
      handler: r.group.PATCH,
      method: "PATCH",
      path: `/Groups/${groupId}`,
      id: groupId,
      body: okta.removeMember(userId),
    },
    { name: "DELETE Groups/{id}", handler: r.group.DELETE, method: "DELETE", path: `/Groups/${groupId}`, id: groupId },
    { name: "DELETE Users/{id}", handler: r.user.DELETE, method: "DELETE", path: `/Users/${userId}`, id: userId },
  ];
}

async function world() {
  const home = await scimOrg();
  const created = await scim(r.users.POST, home.org.slug, home.scimToken, {
    method: "POST",
    body: { ...okta.createUser(`target-${randomBytes(3).toString("hex")}@corp.example`), externalId: "t" },
  });
  const group = await scim(r.groups.POST, home.org.slug, home.scimToken, { method: "POST", body: okta.createGroup("Target") });
  return { home, userId: (created.body as { id: string }).id, groupId: (group.body as { id: string }).id };
}

/** Rows that any SCIM call could write: none of them may change for a refused caller. */
async function snapshot(home: Home) {
  const n = async (table: typeof t.activity | typeof t.memberships | typeof t.groups | typeof t.scimMembers | typeof t.groupMembers) =>
    (await db().select({ n: count() }).from(table))[0].n;
  const [tok] = await db().select().from(t.scimTokens).where(eq(t.scimTokens.orgId, home.org.id));
  return {
    activity: await n(t.activity),
    memberships: await n(t.memberships),
    groups: await n(t.groups),
    scim: await n(t.scimMembers),
    groupMembers: await n(t.groupMembers),
    users: (await db().select({ n: count() }).from(t.users))[0].n,
    lastUsed: tok?.lastUsedAt?.toISOString() ?? null,
  };
}

describe("who may call the SCIM API: only the org's own SCIM token", () => {
  it("another org's SCIM token, a session, an API access token (admin and service account), a member token, a revoked and a malformed token, and none: 401 on every route, nothing written", async () => {
    const { home, userId, groupId } = await world();
    const other = await scimOrg();
    const sessionId = await startSession(home.admin.userId, { userAgent: "test", ip: null });
    const cookie = await encode({ token: { sub: home.admin.userId, sid: sessionId }, secret: getAuthSecret() });
    await setSeat(home.org, home.admin.userId, true);
    const memberToken = (await issueToken(home.admin, home.org.slug)).token;
    const old = await scimOrg();
    await revokeScimToken(old.admin, old.org.slug);
    const replaced = await scimOrg();
    await generateScimToken(replaced.admin, replaced.org.slug);

    const callers: Array<[string, string | null, Record<string, string>, string]> = [
      ["other org's SCIM token", other.scimToken, {}, home.org.slug],
      ["session of the org's admin", null, { cookie: `next-auth.session-token=${cookie}` }, home.org.slug],
      ["admin's API access token", home.adminToken, {}, home.org.slug],
      ["service account's access token", home.saToken, {}, home.org.slug],
      ["member token", memberToken, {}, home.org.slug],
      ["revoked SCIM token", old.scimToken, {}, old.org.slug],
      ["replaced SCIM token", replaced.scimToken, {}, replaced.org.slug],
      // The last character changed (to "x", or "y" when it was "x": otherwise 1 run in 62 sent the real token).
      ["malformed token", `${home.scimToken.slice(0, -1)}${home.scimToken.endsWith("x") ? "y" : "x"}`, {}, home.org.slug],
      ["no token", null, {}, home.org.slug],
    ];
    const before = await snapshot(home);
    const otherBefore = await snapshot(other);
    for (const [who, token, headers, slug] of callers) {
      for (const c of calls(userId, groupId)) {
        const res = await scim(c.handler, slug, token, { method: c.method, path: c.path, id: c.id, body: c.body, headers });
        expect({ who, call: c.name, status: res.status }).toEqual({ who, call: c.name, status: 401 });
        expect(res.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
    }
    expect(await snapshot(home)).toEqual(before);
    expect(await snapshot(other)).toEqual(otherBefore);
  });

  it("the org's own SCIM token gets in on every route (any case of the Organization ID), and its last use is recorded", async () => {
    const { home, userId, groupId } = await world();
    for (const c of calls(userId, groupId)) {
      const res = await scim(c.handler, home.org.slug.toUpperCase(), home.scimToken, {
        method: c.method,
        path: c.path,
        id: c.id,
        body: c.body,
      });
      expect({ call: c.name, ok: res.status >= 200 && res.status < 300 }).toEqual({ call: c.name, ok: true });
    }
    const [tok] = await db().select().from(t.scimTokens).where(eq(t.scimTokens.orgId, home.org.id));
    expect(tok.lastUsedAt).not.toBeNull();
  });

  it("Generate SCIM Token and revoke are for the org's admins: a member and a service account are refused", async () => {
    const home = await scimOrg();
    const { addTestMember } = await import("@/lib/domain/members/test-support");
    const member = await addTestMember(home.org, "member");
    await expect(generateScimToken(member, home.org.slug)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeScimToken(member, home.org.slug)).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await db().select().from(t.serviceAccounts).where(eq(t.serviceAccounts.clientId, home.sa.client_id));
    const sa = { kind: "service_account" as const, serviceAccountId: row.id, orgId: home.org.id, label: "bot" };
    await expect(generateScimToken(sa, home.org.slug)).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await scimOrg();
    await expect(generateScimToken(stranger.admin, home.org.slug)).rejects.toMatchObject({ code: "not_found" });
  });
});

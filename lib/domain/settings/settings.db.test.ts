import fs from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as meAccess } from "@/app/api/users/me/access/route";
import { GET as orgSettingsRoute } from "@/app/api/organizations/[orgId]/settings/route";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import { anonymous, type Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { addTestMember, createTestOrg, giveSubscription } from "@/lib/domain/members/test-support";
import { setSeat } from "@/lib/domain/tokens/member/test-support";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { revokeToken } from "@/lib/domain/tokens/member/revoke-token";
import { renameOrganization } from "@/lib/domain/organizations/rename-organization";
import { addLoginMember, callRoute, createApiOrg, createLoginUser, userToken } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { addMember, createTestUser, rejectionOf, type UserActor } from "@/test/factories";
import { decideEffectiveAccess, getEffectiveAccess } from "./effective-access";
import { getOrgSettings } from "./get-org-settings";
import { describeChanges, updateOrgSettings } from "./update-org-settings";

useTestDatabase();

function filesThatUpdateOrganizations(): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
        const src = fs.readFileSync(full, "utf8");
        if (/update\(t\.organizations\)|update\s+"?organizations"?\s+set/i.test(src)) found.push(path.relative(process.cwd(), full));
      }
    }
  };
  for (const root of ["lib", "app", "db", "server.ts"].filter((r) => fs.existsSync(r) && fs.statSync(r).isDirectory())) visit(root);
  return found.sort();
}

const orgRow = async (org: Organization) => (await db().select().from(t.organizations).where(eq(t.organizations.id, org.id)))[0];
const settingsEntries = (org: Organization) =>
  db()
    .select()
    .from(t.activity)
    .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "settings.changed")))
    .orderBy(asc(t.activity.id));

const codeOf = async (p: Promise<unknown>) => {
  const err = await rejectionOf(p);
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
};

describe("the effective access rule", () => {
  const o = (slug: string, cloudStorage: boolean, cloudNotebooks: boolean) => ({
    orgId: crypto.randomUUID(),
    slug,
    name: slug,
    cloudStorage,
    cloudNotebooks,
  });

  it("turns notebooks off when any org turns them off, and names the orgs that decide", () => {
    const a = o("a", true, true);
    const b = o("b", true, false);
    const c = o("c", false, false);
    expect(decideEffectiveAccess("u", [a]).cloud_notebooks).toEqual({ enabled: true, disabled_by: [] });
    const both = decideEffectiveAccess("u", [a, b, c]);
    expect(both.cloud_notebooks.enabled).toBe(false);
    expect(both.cloud_notebooks.disabled_by.map((x) => x.organization_id)).toEqual(["b", "c"]);
  });

  it("decides storage per org", () => {
    const access = decideEffectiveAccess("u", [o("a", true, true), o("b", false, true)]);
    expect(access.cloud_storage.map((x) => [x.organization_id, x.enabled])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(access.cloud_notebooks.enabled).toBe(true);
  });

  it("gives a user with no org notebooks on and no storage entries", () => {
    expect(decideEffectiveAccess("u", [])).toEqual({
      user_id: "u",
      cloud_notebooks: { enabled: true, disabled_by: [] },
      cloud_storage: [],
    });
  });
});

describe("updateOrgSettings", () => {
  let admin: UserActor;
  let org: Organization;
  beforeAll(async () => {
    ({ admin, org } = await createTestOrg("Settings"));
  });

  it("saves changed values, one activity entry per change with before and after", async () => {
    const before = (await settingsEntries(org)).length;
    const { changes } = await updateOrgSettings(admin, org.slug, { cloudNotebooks: false, cloudStorage: true });
    expect(changes).toEqual([{ field: "cloudNotebooks", from: true, to: false }]);
    expect(describeChanges(changes)).toBe("Cloud notebooks turned off.");
    expect(await orgRow(org)).toMatchObject({ cloudNotebooks: false, cloudStorage: true, slug: org.slug });
    const entries = await settingsEntries(org);
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      actorType: "user",
      actorId: admin.userId,
      ip: admin.ip,
      metadata: { setting: "cloud_notebooks", from: true, to: false },
    });

    const both = await updateOrgSettings(admin, org.slug, { name: "Settings Renamed", cloudStorage: false, cloudNotebooks: true });
    expect(both.changes.map((c) => c.field)).toEqual(["name", "cloudStorage", "cloudNotebooks"]);
    expect(await settingsEntries(org)).toHaveLength(before + 3);
    const renamed = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "organization.renamed")));
    expect(renamed.at(-1)?.metadata).toEqual({ from: "Settings", to: "Settings Renamed" });
  });

  it("records nothing when nothing changes", async () => {
    const before = (await settingsEntries(org)).length;
    const current = await orgRow(org);
    const { changes } = await updateOrgSettings(admin, org.slug, {
      cloudStorage: current.cloudStorage,
      cloudNotebooks: current.cloudNotebooks,
    });
    expect(changes).toEqual([]);
    expect(await settingsEntries(org)).toHaveLength(before);
  });

  it("refuses non-booleans and unknown fields with field errors, changing nothing", async () => {
    const before = await orgRow(org);
    for (const input of [{ cloudStorage: "yes" }, { cloudNotebooks: 1 }, { name: "" }, { slug: "hijack" }, { orgId: "hijack" }]) {
      const err = await rejectionOf(updateOrgSettings(admin, org.slug, input as never));
      expect(err).toMatchObject({ code: "validation" });
    }
    expect(await orgRow(org)).toEqual(before);
  });
});

describe("the Organization ID never changes", () => {
  it("is refused or ignored by every schema that takes org input, and the row's slug is the same after every mutation", async () => {
    const { admin, org } = await createTestOrg("Immutable");
    // rename strips unknown keys; settings refuse them.
    await renameOrganization(admin, org.slug, { name: "Immutable 2", slug: "changed", orgId: "changed" } as never);
    await expect(updateOrgSettings(admin, org.slug, { slug: "changed" } as never)).rejects.toMatchObject({
      code: "validation",
      fields: { _: expect.any(String) },
    });
    await updateOrgSettings(admin, org.slug, { name: "Immutable 3", cloudNotebooks: false });
    expect((await orgRow(org)).slug).toBe(org.slug);
    expect((await orgRow(org)).name).toBe("Immutable 3");
    // Every code path that writes the organizations row is one of the use cases tested above, or
    // a policy switch that writes one boolean column (read them to be sure).
    expect(filesThatUpdateOrganizations()).toEqual([
      "lib/domain/domains/set-domain-join.ts",
      "lib/domain/organizations/rename-organization.ts",
      "lib/domain/settings/set-two-factor-policy.ts",
      "lib/domain/settings/update-org-settings.ts",
    ]);
    const setClauses = (file: string) => fs.readFileSync(file, "utf8").match(/update\(t\.organizations\)\.set\(([^)]*)\)/g);
    expect(setClauses("lib/domain/settings/set-two-factor-policy.ts")).toEqual([
      "update(t.organizations).set({ requireTwoFactor: required })",
    ]);
    expect(setClauses("lib/domain/domains/set-domain-join.ts")).toEqual(["update(t.organizations).set({ allowDomainJoin: allowed })"]);
  });
});

describe("authorization matrix: settings read and write", () => {
  it("lets admins (and service accounts to read) through; refuses everyone else; changes nothing when refused", async () => {
    const { org, admin } = await createTestOrg("Matrix");
    const member = await addTestMember(org, "member");
    const billing = await addTestMember(org, "billing_manager");
    const stranger = await createTestUser("Stranger");
    const other = await createTestOrg("Other");
    const sa: Actor = { kind: "service_account", serviceAccountId: crypto.randomUUID(), orgId: org.id, label: "bot" };
    const otherSa: Actor = { kind: "service_account", serviceAccountId: crypto.randomUUID(), orgId: other.org.id, label: "bot" };
    const before = await orgRow(org);
    const cases: Array<[string, Actor, string, string | null]> = [
      ["anonymous", anonymous(), "unauthenticated", "unauthenticated"],
      ["non-member", stranger, "not_found", "not_found"],
      ["Member", member, "forbidden", "forbidden"],
      ["Billing Manager", billing, "forbidden", "forbidden"],
      ["Admin of another org", other.admin, "not_found", "not_found"],
      ["service account of another org", otherSa, "not_found", "not_found"],
      ["service account", sa, "forbidden", null],
    ];
    for (const [who, actor, writeCode, readCode] of cases) {
      expect(await codeOf(updateOrgSettings(actor, org.slug, { cloudNotebooks: false })), `${who} write`).toBe(writeCode);
      if (readCode) expect(await codeOf(getOrgSettings(actor, org.slug)), `${who} read`).toBe(readCode);
      else expect(await getOrgSettings(actor, org.slug)).toMatchObject({ organization_id: org.slug, cloud_notebooks: true });
    }
    expect(await orgRow(org)).toEqual(before);
    expect(await settingsEntries(org)).toHaveLength(0);
    // Positive control.
    await updateOrgSettings(admin, org.slug, { cloudNotebooks: false });
    expect(await getOrgSettings(admin, org.slug)).toMatchObject({ cloud_notebooks: false, cloud_storage: true });
  });

  it("GET /api/organizations/{orgId}/settings: admin and service account 200; member token 403; other org 404; none 401", async () => {
    const home = await createApiOrg();
    const other = await createApiOrg();
    const member = await addLoginMember(home.org.id, "member");
    const billing = await addLoginMember(home.org.id, "billing_manager");
    const call = (token: string | null) => callRoute(orgSettingsRoute, { token, params: { orgId: home.org.slug } });
    expect((await call(null)).status).toBe(401);
    expect((await call("opa_nonsense")).status).toBe(401);
    expect((await call(member.token)).status).toBe(403);
    expect((await call(billing.token)).status).toBe(403);
    expect((await call(other.adminToken)).status).toBe(404);
    expect((await call(other.saToken)).status).toBe(404);
    const ok = await call(home.saToken);
    expect(ok).toMatchObject({
      status: 200,
      body: { org_id: home.org.id, organization_id: home.org.slug, cloud_storage: true, cloud_notebooks: true },
    });
    // Changes take effect on the next read.
    await updateOrgSettings(home.admin, home.org.slug, { cloudStorage: false });
    expect((await call(home.adminToken)).body).toMatchObject({ cloud_storage: false, cloud_notebooks: true });
  });
});

describe("effective access across orgs (domain and GET /api/users/me/access)", () => {
  it("turns notebooks off everywhere when one org does, keeps storage per org, with a user token or a member token", async () => {
    const a = await createTestOrg("Alpha");
    const b = await createTestOrg("Beta");
    const user = await createLoginUser("Both Orgs");
    await addMember(a.org.id, user, "member");
    await addMember(b.org.id, user, "member");
    const only = await createLoginUser("Only Beta");
    await addMember(b.org.id, only, "member");

    expect((await getEffectiveAccess(user)).cloud_notebooks.enabled).toBe(true);
    await updateOrgSettings(a.admin, a.org.slug, { cloudNotebooks: false, cloudStorage: false });

    const access = await getEffectiveAccess(user);
    expect(access.cloud_notebooks).toEqual({
      enabled: false,
      disabled_by: [{ org_id: a.org.id, organization_id: a.org.slug, name: "Alpha" }],
    });
    expect(Object.fromEntries(access.cloud_storage.map((s) => [s.organization_id, s.enabled]))).toEqual({
      [a.org.slug]: false,
      [b.org.slug]: true,
    });
    // Someone who is only in Beta is not affected by Alpha.
    expect((await getEffectiveAccess(only)).cloud_notebooks.enabled).toBe(true);

    // Through the API with the user's API access token.
    const viaUserToken = await callRoute(meAccess, { token: await userToken(user), path: "/api/users/me/access" });
    expect(viaUserToken.status).toBe(200);
    expect(viaUserToken.body).toEqual(access);

    // Through the API with a member token of Beta (the org that does not turn them off).
    await giveSubscription(b.org, 5);
    await setSeat(b.org, user.userId, true);
    const issued = await issueToken(user, b.org.slug);
    const viaMemberToken = await callRoute(meAccess, { token: issued.token, path: "/api/users/me/access" });
    expect(viaMemberToken).toMatchObject({ status: 200, body: { user_id: user.userId, cloud_notebooks: { enabled: false } } });

    // Turning it back on shows on the next read.
    await updateOrgSettings(a.admin, a.org.slug, { cloudNotebooks: true });
    expect((await callRoute(meAccess, { token: issued.token })).body.cloud_notebooks.enabled).toBe(true);

    // A revoked member token is not accepted.
    await revokeToken(b.admin, b.org.slug, { userId: user.userId });
    expect((await callRoute(meAccess, { token: issued.token })).status).toBe(401);
  });

  it("answers 401 problem+json without a valid token, 403 for a service account", async () => {
    const home = await createApiOrg();
    for (const token of [null, "garbage", "opt_" + "a".repeat(36), "opa_nope"]) {
      const res = await callRoute(meAccess, { token });
      expect(res.status, String(token)).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await callRoute(meAccess, { token: home.saToken })).status).toBe(403);
    expect((await callRoute(meAccess, { token: home.adminToken })).body.cloud_storage).toHaveLength(1);
    await expect(getEffectiveAccess(anonymous())).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { GET as listUsers } from "@/app/api/organizations/[orgId]/users/route";
import { addOrgUser } from "@/lib/domain/api-users/add-org-user";
import { currentTotpCode, enableTwoFactor, getTwoFactorSetup } from "@/lib/domain/account/two-factor";
import { listMembers } from "@/lib/domain/members/list-members";
import { addTestMember, serviceAccountOf } from "@/lib/domain/members/test-support";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";
import { getTokenChecker } from "@/lib/domain/tokens/check/check-token";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { check, orgWithSeatedMember, setSeat } from "@/lib/domain/tokens/member/test-support";
import { addLoginMember, callRoute, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { useHotPathProcesses } from "@/test/hot-path-processes";
import { rejectionOf, type UserActor } from "@/test/factories";
import { setTwoFactorPolicy } from "./set-two-factor-policy";

const testDb = useTestDatabase();

async function enrol(user: UserActor) {
  const setup = await getTwoFactorSetup(user);
  if (setup.enabled) return;
  await enableTwoFactor(user, { secret: setup.secret, code: currentTotpCode(setup.secret) });
}

/** An org requiring 2FA: its admin enrolled; a seated member (no 2FA) and a managed user, both with tokens. */
async function policyWorld() {
  const w = await orgWithSeatedMember("Strict");
  const sa = serviceAccountOf(w.org);
  const managed = (await addOrgUser(sa, w.org.slug, { first_name: "Robot" })) as { id: string };
  await setSeat(w.org, managed.id, true);
  const memberToken = (await issueToken(w.member, w.org.slug)).token;
  const managedToken = (await issueToken(sa, w.org.slug, { userId: managed.id })).token;
  await enrol(w.admin);
  return { ...w, sa, managed, memberToken, managedToken };
}

describe("Require two-factor authentication (org policy)", () => {
  it("only an admin who uses 2FA can turn it on; members and service accounts cannot", async () => {
    const w = await orgWithSeatedMember("Policy");
    expect(await rejectionOf(setTwoFactorPolicy(w.admin, w.org.slug, { required: true }))).toMatchObject({
      code: "forbidden",
      reason: "mfa_required",
    });
    expect(await rejectionOf(setTwoFactorPolicy(serviceAccountOf(w.org), w.org.slug, { required: true }))).toMatchObject({
      code: "forbidden",
    });
    await enrol(w.member);
    expect(await rejectionOf(setTwoFactorPolicy(w.member, w.org.slug, { required: true }))).toMatchObject({ code: "forbidden" });
    const billing = await addTestMember(w.org, "billing_manager");
    expect(await rejectionOf(setTwoFactorPolicy(billing, w.org.slug, { required: true }))).toMatchObject({ code: "forbidden" });
    await enrol(w.admin);
    await expect(setTwoFactorPolicy(w.admin, w.org.slug, { required: true })).resolves.toEqual({ required: true, changed: true });
    await expect(setTwoFactorPolicy(w.admin, w.org.slug, { required: false })).resolves.toEqual({ required: false, changed: true });
  });

  it("holds members without 2FA on pages and actions, and fails their member tokens, until they enable it", async () => {
    const w = await policyWorld();
    const checker = await getTokenChecker();
    expect((await checker.check(w.memberToken)).valid).toBe(true);
    await setTwoFactorPolicy(w.admin, w.org.slug, { required: true });

    expect(await rejectionOf(loadOrgAccess(w.member, w.org.slug))).toMatchObject({ code: "forbidden", reason: "mfa_required" });
    expect(await rejectionOf(listMembers(w.member, w.org.slug))).toMatchObject({ reason: "mfa_required" });
    await expect(loadOrgAccess(w.admin, w.org.slug)).resolves.toBeTruthy();
    expect(await checker.check(w.memberToken)).toMatchObject({ valid: false, reason: "mfa_required" });
    // Organization-managed users have no sign-in to protect: exempt.
    expect((await checker.check(w.managedToken)).valid).toBe(true);

    const page = await listMembers(w.admin, w.org.slug);
    expect(Object.fromEntries(page.rows.map((r) => [r.userId, r.twoFactor]))).toMatchObject({
      [w.admin.userId]: true,
      [w.member.userId]: false,
      [w.managed.id]: false,
    });

    await enrol(w.member);
    await expect(loadOrgAccess(w.member, w.org.slug)).resolves.toBeTruthy();
    expect((await checker.check(w.memberToken)).valid).toBe(true);
  });

  it("the API answers 403 mfa_required to a user without 2FA; service accounts are not held", async () => {
    const { org, admin, saToken } = await createApiOrg();
    const other = await addLoginMember(org.id, "admin");
    await enrol(admin);
    await setTwoFactorPolicy(admin, org.slug, { required: true });
    const held = await callRoute(listUsers, { token: other.token, params: { orgId: org.slug } });
    expect([held.status, held.body.code]).toEqual([403, "mfa_required"]);
    expect((await callRoute(listUsers, { token: saToken, params: { orgId: org.slug } })).status).toBe(200);
  });
});

// Separate OS processes on one PostgreSQL, each with its own token cache: the policy and a
// member's 2FA reach them the way every other change does (a trigger's NOTIFY).
const onPostgres = testDb.kind === "postgres";

describe.runIf(onPostgres)("the 2FA policy across two app processes", () => {
  const urls = useHotPathProcesses(testDb);
  let b: string;
  let c: string;
  beforeAll(() => {
    [b, c] = urls;
  });

  const statuses = async (token: string) => Promise.all([check(b, token), check(c, token)]).then((r) => r.map((x) => x.status));

  it("turning the policy on fails a member's token at once in both; enabling 2FA brings it back; managed tokens keep working", async () => {
    const w = await policyWorld();
    for (let i = 0; i < 3; i++) expect(await statuses(w.memberToken)).toEqual([204, 204]);
    await setTwoFactorPolicy(w.admin, w.org.slug, { required: true });
    expect(await statuses(w.memberToken)).toEqual([401, 401]);
    expect(await statuses(w.managedToken)).toEqual([204, 204]);
    await enrol(w.member);
    expect(await statuses(w.memberToken)).toEqual([204, 204]);
    await setTwoFactorPolicy(w.admin, w.org.slug, { required: false });
    expect(await statuses(w.memberToken)).toEqual([204, 204]);
  });
});

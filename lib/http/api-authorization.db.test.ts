import { and, count, eq, isNull, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as listInvitations, POST as inviteMembers } from "@/app/api/organizations/[orgId]/invitations/route";
import { POST as onboarding } from "@/app/api/organizations/[orgId]/onboarding/route";
import { DELETE as deleteSa } from "@/app/api/organizations/[orgId]/service-accounts/[clientId]/route";
import { GET as listSa, POST as createSa } from "@/app/api/organizations/[orgId]/service-accounts/route";
import { DELETE as removeUser } from "@/app/api/organizations/[orgId]/users/[userId]/route";
import { DELETE as revokeSeat, POST as assignSeat } from "@/app/api/organizations/[orgId]/users/[userId]/seats/route";
import { DELETE as revokeToken, PATCH as syncToken, POST as issueToken } from "@/app/api/organizations/[orgId]/users/[userId]/token/route";
import { GET as listUsers, POST as addUser } from "@/app/api/organizations/[orgId]/users/route";
import { channelCalls } from "@/test/channel-api-calls";
import { ssoCalls } from "@/test/sso-api-calls";
import { webhookCalls } from "@/test/webhook-api-calls";
import { domainCalls } from "@/test/domain-api-calls";
import * as v1ServiceAccount from "@/app/api/v1/organizations/[org_id]/service-accounts/[client_id]/route";
import * as v1ServiceAccounts from "@/app/api/v1/organizations/[org_id]/service-accounts/route";
import * as v1Onboarding from "@/app/api/v1/organizations/[org_id]/users_auto_registration/route";
import * as v1User from "@/app/api/v1/organizations/[org_id]/users/[user_id]/route";
import * as v1Seats from "@/app/api/v1/organizations/[org_id]/users/[user_id]/seats/route";
import * as v1Token from "@/app/api/v1/organizations/[org_id]/users/[user_id]/token/route";
import * as v1Tokens from "@/app/api/v1/organizations/[org_id]/users/[user_id]/tokens/route";
import * as v1OneToken from "@/app/api/v1/organizations/[org_id]/users/[user_id]/tokens/[token_id]/route";
import * as v1Users from "@/app/api/v1/organizations/[org_id]/users/route";
import { db, t } from "@/db";
import { issueServiceAccountToken } from "@/lib/domain/tokens/api-access/issue-access-token";
import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import { deleteServiceAccount } from "@/lib/domain/service-accounts/delete-service-account";
import { issueToken as issueMemberToken } from "@/lib/domain/tokens/member/issue-token";
import { addLoginMember, callRoute, createApiOrg, expectDocumentedResponse } from "@/test/api";
import { useTestDatabase } from "@/test/db";

useTestDatabase();

type Handler = Parameters<typeof callRoute>[0];
type Call = {
  name: string;
  path?: string;
  handler: Handler;
  method: string;
  body?: unknown;
  needsTarget?: boolean;
  saAllowed?: boolean;
  param?: "clientId" | "tokenId";
  /** The v1 API: its path names (org_id, user_id, ...) and its error shapes. */
  v1?: boolean;
  /** The target holds no seat yet (v1 answers 409 for a seat already held). */
  unseated?: boolean;
  /** Makes what the call acts on (a channel, a package, a group) and gives its path params and body. */
  prepare?: (home: Awaited<ReturnType<typeof createApiOrg>>) => Promise<{ params?: Record<string, string>; body?: unknown }>;
};

const calls: Call[] = [
  {
    name: "POST service-accounts",
    path: "/api/organizations/{orgId}/service-accounts",
    handler: createSa,
    method: "POST",
    body: { name: "matrix" },
    saAllowed: false,
  },
  { name: "GET service-accounts", path: "/api/organizations/{orgId}/service-accounts", handler: listSa, method: "GET" },
  {
    name: "DELETE service-accounts/{clientId}",
    path: "/api/organizations/{orgId}/service-accounts/{clientId}",
    handler: deleteSa,
    method: "DELETE",
    param: "clientId",
    saAllowed: false,
  },
  {
    name: "POST onboarding",
    path: "/api/organizations/{orgId}/onboarding",
    handler: onboarding,
    method: "POST",
    body: { user_emails: ["matrix-new@example.com"] },
  },
  { name: "POST users", path: "/api/organizations/{orgId}/users", handler: addUser, method: "POST", body: { first_name: "Matrix" } },
  { name: "GET users", path: "/api/organizations/{orgId}/users", handler: listUsers, method: "GET" },
  { name: "GET invitations", path: "/api/organizations/{orgId}/invitations", handler: listInvitations, method: "GET" },
  {
    name: "POST invitations",
    path: "/api/organizations/{orgId}/invitations",
    handler: inviteMembers,
    method: "POST",
    body: { emails: ["matrix-invite@example.com"], role: "billing_manager" },
  },
  {
    name: "POST users/{userId}/seats",
    path: "/api/organizations/{orgId}/users/{userId}/seats",
    handler: assignSeat,
    method: "POST",
    needsTarget: true,
  },
  {
    name: "DELETE users/{userId}/seats",
    path: "/api/organizations/{orgId}/users/{userId}/seats",
    handler: revokeSeat,
    method: "DELETE",
    needsTarget: true,
  },
  {
    name: "POST users/{userId}/token",
    path: "/api/organizations/{orgId}/users/{userId}/token",
    handler: issueToken,
    method: "POST",
    body: {},
    needsTarget: true,
  },
  {
    name: "PATCH users/{userId}/token",
    path: "/api/organizations/{orgId}/users/{userId}/token",
    handler: syncToken,
    method: "PATCH",
    needsTarget: true,
  },
  {
    name: "DELETE users/{userId}/token",
    path: "/api/organizations/{orgId}/users/{userId}/token",
    handler: revokeToken,
    method: "DELETE",
    needsTarget: true,
  },
  {
    name: "DELETE users/{userId}",
    path: "/api/organizations/{orgId}/users/{userId}",
    handler: removeUser,
    method: "DELETE",
    needsTarget: true,
  },
];

const v1 = "/api/v1/organizations/{org_id}";
const v1Calls: Call[] = (
  [
    {
      name: "v1 POST service-accounts",
      path: `${v1}/service-accounts`,
      handler: v1ServiceAccounts.POST,
      method: "POST",
      body: { name: "matrix-v1" },
      saAllowed: false,
    },
    { name: "v1 GET service-accounts", path: `${v1}/service-accounts`, handler: v1ServiceAccounts.GET, method: "GET" },
    {
      name: "v1 DELETE service-accounts/{client_id}",
      path: `${v1}/service-accounts/{client_id}`,
      handler: v1ServiceAccount.DELETE,
      method: "DELETE",
      param: "clientId",
      saAllowed: false,
    },
    {
      name: "v1 POST users_auto_registration",
      path: `${v1}/users_auto_registration`,
      handler: v1Onboarding.POST,
      method: "POST",
      body: { user_emails: ["matrix-v1@example.com"] },
    },
    { name: "v1 POST users", path: `${v1}/users`, handler: v1Users.POST, method: "POST", body: { first_name: "Matrix" } },
    { name: "v1 GET users", path: `${v1}/users`, handler: v1Users.GET, method: "GET" },
    { name: "v1 DELETE users/{user_id}", path: `${v1}/users/{user_id}`, handler: v1User.DELETE, method: "DELETE", needsTarget: true },
    {
      name: "v1 POST users/{user_id}/seats",
      path: `${v1}/users/{user_id}/seats`,
      handler: v1Seats.POST,
      method: "POST",
      needsTarget: true,
      unseated: true,
    },
    {
      name: "v1 DELETE users/{user_id}/seats",
      path: `${v1}/users/{user_id}/seats`,
      handler: v1Seats.DELETE,
      method: "DELETE",
      needsTarget: true,
    },
    {
      name: "v1 POST users/{user_id}/token",
      path: `${v1}/users/{user_id}/token`,
      handler: v1Token.POST,
      method: "POST",
      needsTarget: true,
      body: { expires_at: "2099-01-01T00:00:00+00:00" },
    },
    {
      name: "v1 PATCH users/{user_id}/token",
      path: `${v1}/users/{user_id}/token`,
      handler: v1Token.PATCH,
      method: "PATCH",
      needsTarget: true,
      body: { is_renewal: true },
    },
    {
      name: "v1 GET users/{user_id}/tokens",
      path: `${v1}/users/{user_id}/tokens`,
      handler: v1Tokens.GET,
      method: "GET",
      needsTarget: true,
    },
    {
      name: "v1 DELETE users/{user_id}/tokens/{token_id}",
      path: `${v1}/users/{user_id}/tokens/{token_id}`,
      handler: v1OneToken.DELETE,
      method: "DELETE",
      needsTarget: true,
      param: "tokenId",
    },
  ] satisfies Call[]
).map((call) => ({ ...call, v1: true }));

/** Everything an API call could change, as counts. */
async function snapshot() {
  const n = async (q: Promise<Array<{ n: number }>>) => (await q)[0].n;
  return {
    users: await n(db().select({ n: count() }).from(t.users)),
    memberships: await n(db().select({ n: count() }).from(t.memberships)),
    seats: await n(db().select({ n: count() }).from(t.memberships).where(isNotNull(t.memberships.seatAssignedAt))),
    liveTokens: await n(db().select({ n: count() }).from(t.memberTokens).where(isNull(t.memberTokens.revokedAt))),
    tokenExpiries: (await db().select({ e: t.memberTokens.expiresAt }).from(t.memberTokens))
      .map((r) => r.e.getTime())
      .sort()
      .join(),
    serviceAccounts: await n(db().select({ n: count() }).from(t.serviceAccounts).where(isNull(t.serviceAccounts.deletedAt))),
    channels: await n(db().select({ n: count() }).from(t.channels)),
    packages: await n(db().select({ n: count() }).from(t.packages)),
    groups: await n(db().select({ n: count() }).from(t.groups)),
    groupMembers: await n(db().select({ n: count() }).from(t.groupMembers)),
    ssoConnections: (await db().select().from(t.ssoConnections))
      .map((c) => `${c.orgId}:${c.issuer}:${c.clientId}:${c.clientSecretEnc}:${c.requireSso}`)
      .sort()
      .join(),
    webhooks: (await db().select({ id: t.webhookEndpoints.id, on: t.webhookEndpoints.enabled }).from(t.webhookEndpoints))
      .map((w) => `${w.id}:${w.on}`)
      .sort()
      .join(),
    webhookDeliveries: (await db().select({ id: t.webhookDeliveries.id, s: t.webhookDeliveries.status }).from(t.webhookDeliveries))
      .map((d) => `${d.id}:${d.s}`)
      .sort()
      .join(),
    domains: (await db().select({ d: t.orgDomains.domain, v: t.orgDomains.verifiedAt }).from(t.orgDomains))
      .map((r) => `${r.d}:${r.v?.getTime() ?? ""}`)
      .sort()
      .join(),
    invitations: await n(
      db()
        .select({ n: count() })
        .from(t.invitations)
        .where(and(isNull(t.invitations.revokedAt))),
    ),
  };
}

describe("authorization matrix of every API call", () => {
  it("refuses every caller who may not, changing nothing, and lets admins and service accounts through", async () => {
    const home = await createApiOrg({ seats: 50 });
    const other = await createApiOrg({ seats: 5 });
    const unsubscribed = await createApiOrg({ subscribed: false });
    const member = await addLoginMember(home.org.id, "member");
    const billing = await addLoginMember(home.org.id, "billing_manager");
    const doomed = await createServiceAccount(home.admin, home.org.slug, { name: "doomed" });
    const doomedToken = (await issueServiceAccountToken({ clientId: doomed.client_id, clientSecret: doomed.client_secret })).access_token;
    await deleteServiceAccount(home.admin, home.org.slug, doomed.client_id);

    /** A seated member with a token, to be the target of user-scoped calls. */
    const target = async (seated = true) => {
      const { user } = await addLoginMember(home.org.id, "member");
      if (!seated) return user.userId;
      await db().update(t.memberships).set({ seatAssignedAt: new Date() }).where(eq(t.memberships.userId, user.userId));
      await issueMemberToken(home.admin, home.org.slug, { userId: user.userId });
      return user.userId;
    };
    const currentTokenId = async (userId: string) =>
      (
        await db()
          .select({ id: t.memberTokens.id })
          .from(t.memberTokens)
          .where(and(eq(t.memberTokens.userId, userId), isNull(t.memberTokens.revokedAt)))
      )[0].id;
    const freshSa = async () =>
      (await createServiceAccount(home.admin, home.org.slug, { name: `sa-${Math.random().toString(36).slice(2, 8)}` })).client_id;

    for (const call of [
      ...calls,
      ...v1Calls,
      ...(channelCalls as Call[]),
      ...(domainCalls as Call[]),
      ...(webhookCalls as Call[]),
      ...(ssoCalls as Call[]),
    ]) {
      const userId = call.needsTarget ? await target(!call.unseated) : undefined;
      const prepared = call.prepare ? await call.prepare(home) : {};
      const body = prepared.body ?? call.body;
      const clientId = call.param === "clientId" ? await freshSa() : undefined;
      const tokenId = call.param === "tokenId" ? await currentTokenId(userId!) : undefined;
      const params = (orgId: string) =>
        call.v1
          ? {
              org_id: orgId,
              ...(userId ? { user_id: userId } : {}),
              ...(clientId ? { client_id: clientId } : {}),
              ...(tokenId ? { token_id: tokenId } : {}),
            }
          : { orgId, ...(userId ? { userId } : {}), ...(clientId ? { clientId } : {}), ...prepared.params };
      const denied: Array<[string, string | null, number, string?]> = [
        ["anonymous", null, 401],
        ["a malformed token", "Bearer-garbage", 401],
        ["a token with a bad checksum", `${home.adminToken.slice(0, -1)}${home.adminToken.endsWith("x") ? "y" : "x"}`, 401],
        ["a deleted service account", doomedToken, 401],
        ["a member's user token", member.token, 403],
        ["a billing manager's user token", billing.token, 403],
        ["an admin of another org", other.adminToken, 404],
        ["a service account of another org", other.saToken, 404],
        ["an admin of an org without subscription", unsubscribed.adminToken, 402, unsubscribed.org.slug],
      ];
      if (call.saAllowed === false) denied.push(["this org's service account", home.saToken, 403]);
      const before = await snapshot();
      for (const [who, token, status, orgId] of denied) {
        const res = await callRoute(call.handler, { method: call.method, token, params: params(orgId ?? home.org.slug), body });
        expect({ call: call.name, who, status: res.status }).toEqual({ call: call.name, who, status });
        expect(res.headers.get("content-type")).toBe(call.v1 ? "application/json" : "application/problem+json");
        expectDocumentedResponse(call.path!, call.method, res);
      }
      expect({ call: call.name, state: await snapshot() }).toEqual({ call: call.name, state: before });

      const allowedToken = call.saAllowed === false ? home.adminToken : home.saToken;
      const ok = await callRoute(call.handler, {
        method: call.method,
        token: allowedToken,
        params: params(home.org.slug),
        body,
      });
      expect({ call: call.name, ok: ok.status < 300 }).toEqual({ call: call.name, ok: true });
      expectDocumentedResponse(call.path!, call.method, ok);
    }
    // Every route times every kind of caller, each with a fresh target: longer than one call.
  }, 180_000);
});

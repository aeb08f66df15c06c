import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as listSa, POST as createSa } from "@/app/api/organizations/[orgId]/service-accounts/route";
import { DELETE as deleteSa } from "@/app/api/organizations/[orgId]/service-accounts/[clientId]/route";
import { POST as revokeEndpoint } from "@/app/api/oauth/revoke/route";
import { POST as tokenEndpoint } from "@/app/api/oauth/token/route";
import { db, t } from "@/db";
import { addLoginMember, callRoute, createApiOrg, createLoginUser, PASSWORD } from "@/test/api";
import { useTestDatabase } from "@/test/db";

useTestDatabase();

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

describe("POST /api/oauth/token", () => {
  it("gives a user token for the password grant, form-encoded or JSON", async () => {
    const user = await createLoginUser();
    const res = await callRoute(tokenEndpoint, {
      method: "POST",
      headers: formHeaders,
      body: form({ grant_type: "password", username: user.label.toUpperCase(), password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    expect(res.body.access_token).toMatch(/^opa_/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const json = await callRoute(tokenEndpoint, {
      method: "POST",
      body: { grant_type: "password", username: user.label, password: PASSWORD },
    });
    expect(json.status).toBe(200);
  });

  it("answers RFC 6749 errors", async () => {
    const user = await createLoginUser();
    const cases: Array<[unknown, number, string]> = [
      [{ grant_type: "password", username: user.label, password: "wrong" }, 400, "invalid_grant"],
      [{ grant_type: "password", username: user.label }, 400, "invalid_request"],
      [{ grant_type: "authorization_code", code: "x" }, 400, "unsupported_grant_type"],
      [{}, 400, "invalid_request"],
      [[1, 2], 400, "invalid_request"],
      ["{not json", 400, "invalid_request"],
      [{ grant_type: "client_credentials", client_id: "osc_nope", client_secret: "nope" }, 401, "invalid_client"],
    ];
    for (const [body, status, error] of cases) {
      const res = await callRoute(tokenEndpoint, { method: "POST", body });
      expect([res.status, res.body.error]).toEqual([status, error]);
    }
  });

  it("gives a service-account token for client credentials in the body or HTTP Basic", async () => {
    const { sa } = await createApiOrg();
    const inBody = await callRoute(tokenEndpoint, {
      method: "POST",
      headers: formHeaders,
      body: form({ grant_type: "client_credentials", client_id: sa.client_id, client_secret: sa.client_secret }),
    });
    expect(inBody.status).toBe(200);
    const basic = Buffer.from(`${sa.client_id}:${sa.client_secret}`).toString("base64");
    const viaBasic = await callRoute(tokenEndpoint, {
      method: "POST",
      headers: { ...formHeaders, authorization: `Basic ${basic}` },
      body: form({ grant_type: "client_credentials" }),
    });
    expect(viaBasic.status).toBe(200);
    const wrong = await callRoute(tokenEndpoint, {
      method: "POST",
      body: { grant_type: "client_credentials", client_id: sa.client_id, client_secret: `${sa.client_secret}x` },
    });
    expect(wrong.status).toBe(401);
  });
});

describe("service accounts through the API", () => {
  it("an admin's user token creates one (secret once), lists and deletes it; its tokens then stop", async () => {
    const { org, adminToken } = await createApiOrg();
    const params = { orgId: org.slug };
    const created = await callRoute(createSa, { method: "POST", token: adminToken, params, body: { name: "ci_runner-1" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "ci_runner-1", org_id: org.id });
    expect(created.body.client_secret).toMatch(/^oss_/);

    const listed = await callRoute(listSa, { token: adminToken, params });
    expect(listed.status).toBe(200);
    const entry = listed.body.find((s: { name: string }) => s.name === "ci_runner-1");
    expect(entry).toEqual({ name: "ci_runner-1", client_id: created.body.client_id, org_id: org.id });

    const duplicate = await callRoute(createSa, { method: "POST", token: adminToken, params, body: { name: "ci_runner-1" } });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, "duplicate_name"]);
    const invalid = await callRoute(createSa, { method: "POST", token: adminToken, params, body: { name: "Has Spaces" } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.name).toBeTruthy();

    const saToken = (
      await callRoute(tokenEndpoint, {
        method: "POST",
        body: { grant_type: "client_credentials", client_id: created.body.client_id, client_secret: created.body.client_secret },
      })
    ).body.access_token;
    expect((await callRoute(listSa, { token: saToken, params })).status).toBe(200);

    const deleted = await callRoute(deleteSa, {
      method: "DELETE",
      token: adminToken,
      params: { ...params, clientId: created.body.client_id },
    });
    expect(deleted.status).toBe(204);
    expect((await callRoute(listSa, { token: saToken, params })).status).toBe(401);
    const again = await callRoute(deleteSa, {
      method: "DELETE",
      token: adminToken,
      params: { ...params, clientId: created.body.client_id },
    });
    expect(again.status).toBe(404);
  });

  it("refuses every caller but an admin's user token to create one, and changes nothing", async () => {
    const { org, saToken, adminToken } = await createApiOrg();
    const other = await createApiOrg();
    const unsubscribed = await createApiOrg({ subscribed: false });
    const member = await addLoginMember(org.id, "member");
    const billing = await addLoginMember(org.id, "billing_manager");
    const params = { orgId: org.slug };
    const count = async () => (await db().select().from(t.serviceAccounts).where(eq(t.serviceAccounts.orgId, org.id))).length;
    const before = await count();

    const cases: Array<[string, string | null, number, Record<string, string>?]> = [
      ["anonymous", null, 401],
      ["a malformed token", "opa_garbage", 401],
      ["a member's user token", member.token, 403],
      ["a billing manager's user token", billing.token, 403],
      ["an admin of another org", other.adminToken, 404],
      ["a service account of another org", other.saToken, 404],
      ["this org's service account", saToken, 403],
      ["an admin of an org without subscription", unsubscribed.adminToken, 402, { orgId: unsubscribed.org.slug }],
    ];
    for (const [who, token, status, p] of cases) {
      const res = await callRoute(createSa, { method: "POST", token, params: p ?? params, body: { name: "intruder" } });
      expect({ who, status: res.status, type: res.headers.get("content-type") }).toEqual({ who, status, type: "application/problem+json" });
    }
    expect(await count()).toBe(before);
    // The positive control.
    expect((await callRoute(createSa, { method: "POST", token: adminToken, params, body: { name: "allowed" } })).status).toBe(201);
  });

  it("revokes an access token at once through POST /api/oauth/revoke (RFC 7009)", async () => {
    const { org, adminToken } = await createApiOrg();
    const params = { orgId: org.slug };
    expect((await callRoute(listSa, { token: adminToken, params })).status).toBe(200);
    const revoked = await callRoute(revokeEndpoint, { method: "POST", headers: formHeaders, body: form({ token: adminToken }) });
    expect(revoked.status).toBe(200);
    expect((await callRoute(listSa, { token: adminToken, params })).status).toBe(401);
    // Unknown tokens are not an error; a missing one is.
    expect((await callRoute(revokeEndpoint, { method: "POST", body: { token: "opa_unknown" } })).status).toBe(200);
    expect((await callRoute(revokeEndpoint, { method: "POST", body: {} })).status).toBe(400);
  });

  it("an expired or revoked access token is refused", async () => {
    const { org, adminToken } = await createApiOrg();
    await db()
      .update(t.apiAccessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await callRoute(listSa, { token: adminToken, params: { orgId: org.slug } });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("replays a POST retried with the same Idempotency-Key instead of acting twice", async () => {
    const { org, adminToken } = await createApiOrg();
    const params = { orgId: org.slug };
    const headers = { "idempotency-key": "create-deployer-1" };
    const first = await callRoute(createSa, { method: "POST", token: adminToken, params, headers, body: { name: "deployer" } });
    const second = await callRoute(createSa, { method: "POST", token: adminToken, params, headers, body: { name: "deployer" } });
    expect(first.status).toBe(201);
    // The first answer held the new client_secret, which is not kept: the retry is told so, and
    // nothing is created twice.
    expect([second.status, second.body.code]).toEqual([409, "idempotency_secret_not_replayable"]);
    expect(JSON.stringify(second.body)).not.toContain(first.body.client_secret);
    const listed = await callRoute(listSa, { token: adminToken, params });
    expect(listed.body.filter((sa: { name: string }) => sa.name === "deployer")).toHaveLength(1);
    const reused = await callRoute(createSa, { method: "POST", token: adminToken, params, headers, body: { name: "other" } });
    expect([reused.status, reused.body.code]).toEqual([422, "idempotency_key_reused"]);
  });
});

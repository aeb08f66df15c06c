import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import type { DbHandle } from "@/db/client";
import { revokeSeats } from "@/lib/domain/seats/revoke-seats";
import { issueServiceAccountToken } from "@/lib/domain/tokens/api-access/issue-access-token";
import { generateSecret, hashSecret } from "@/lib/domain/tokens/secret-scheme";
import { generateToken } from "@/lib/domain/tokens/member/format";
import { useTestDatabase } from "@/test/db";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { revokeToken } from "@/lib/domain/tokens/member/revoke-token";
import { TokenChecker } from "./check-token";
import {
  check,
  orgWithSeatedMember,
  setSeat,
  startHotPath,
  TEST_REQUEST_ID,
  type TestHotPath,
} from "@/lib/domain/tokens/member/test-support";
import { NON_PAGE_CSP } from "@/lib/http/security-headers";

const testDb = useTestDatabase();
let hot: TestHotPath;

beforeAll(async () => {
  hot = await startHotPath(testDb.handle);
});
afterAll(async () => {
  await hot?.close();
});

/** A valid token whose answer is already cached, so each case also proves the invalidation. */
async function warmToken() {
  const ctx = await orgWithSeatedMember();
  const { token } = await issueToken(ctx.member, ctx.org.slug);
  expect((await check(hot.url, token)).status).toBe(204);
  expect((await check(hot.url, token)).status).toBe(204);
  expect(hot.checker.cacheSize).toBeGreaterThan(0);
  return { ...ctx, token };
}

describe("GET /api/tokens/check", () => {
  it("answers 204 with the org, user and expiry for a valid token, from a Bearer header or X-Original-URI", async () => {
    const { org, member, token, sub } = await warmToken();
    for (const via of ["bearer", "uri"] as const) {
      const res = await check(hot.url, token, via);
      expect(res.status).toBe(204);
      expect(res.headers.get("x-org-id")).toBe(org.id);
      expect(res.headers.get("x-user-id")).toBe(member.userId);
      expect(res.headers.get("x-token-expires-at")).toBe(sub.currentPeriodEnd.toISOString());
      // The headers every answer carries, written with the check's own in one go, each once.
      expect(res.headers.get("x-request-id")).toBe(TEST_REQUEST_ID);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe(NON_PAGE_CSP);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    const refused = await check(hot.url, "opt_nope");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toBe(TEST_REQUEST_ID);
    expect(refused.headers.get("content-security-policy")).toBe(NON_PAGE_CSP);
  });

  it("answers 401 for missing, malformed, bad-checksum and unknown tokens", async () => {
    const { token } = await warmToken();
    expect((await fetch(`${hot.url}/api/tokens/check`)).status).toBe(401);
    const typo = token.slice(0, 10) + (token[10] === "a" ? "b" : "a") + token.slice(11);
    for (const bad of ["hello", "opt_", `${token}x`, typo, generateToken(), "opt_%2e%2e", ""]) {
      const res = await check(hot.url, bad);
      expect(res.status, bad).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("rejects a bad checksum without reading the database", async () => {
    const noDb = new Proxy({} as DbHandle["db"], {
      get() {
        throw new Error("database touched");
      },
    });
    const checker = new TokenChecker({ kind: "pglite", db: noDb, close: async () => {} });
    const token = generateToken();
    const typo = token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");
    expect(await checker.check(typo)).toEqual({ valid: false, reason: "malformed" });
    expect(await checker.check("opt_abc")).toEqual({ valid: false, reason: "malformed" });
  });

  it("401 once the token expires (by the clock, and when its expiry is moved back)", async () => {
    const { token, org, member } = await warmToken();
    const later = Date.now() + 400 * 86_400_000;
    expect(await hot.checker.check(token, later)).toMatchObject({ valid: false, reason: "expired" });
    await db()
      .update(t.memberTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(t.memberTokens.orgId, org.id), eq(t.memberTokens.userId, member.userId)));
    expect((await check(hot.url, token)).status).toBe(401);
  });

  it("401 for a reissued (old) token; the new one works", async () => {
    const { token, org, member } = await warmToken();
    const { token: fresh } = await issueToken(member, org.slug);
    expect((await check(hot.url, token)).status).toBe(401);
    expect((await check(hot.url, fresh)).status).toBe(204);
  });

  it("401 for a revoked token", async () => {
    const { token, org, member } = await warmToken();
    await revokeToken(member, org.slug, { userId: member.userId });
    expect((await check(hot.url, token)).status).toBe(401);
  });

  it("401 once the seat is revoked: by the seats module, and by any direct write", async () => {
    const a = await warmToken();
    await revokeSeats(a.admin, a.org.slug, { userIds: [a.member.userId] });
    expect((await check(hot.url, a.token)).status).toBe(401);

    // A write that leaves the token row alone still invalidates (the trigger is on memberships).
    const b = await warmToken();
    await setSeat(b.org, b.member.userId, false);
    expect((await check(hot.url, b.token)).status).toBe(401);
    await setSeat(b.org, b.member.userId, true);
    expect((await check(hot.url, b.token)).status).toBe(204);
  });

  it("401 once the member is removed from the org", async () => {
    const { token, org, member } = await warmToken();
    await db()
      .delete(t.memberships)
      .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, member.userId)));
    expect((await check(hot.url, token)).status).toBe(401);
  });

  it("401 once the subscription lapses or its period ends; 204 again after renewal", async () => {
    const { token, org } = await warmToken();
    await db().update(t.subscriptions).set({ status: "lapsed" }).where(eq(t.subscriptions.orgId, org.id));
    expect((await check(hot.url, token)).status).toBe(401);
    await db().update(t.subscriptions).set({ status: "active" }).where(eq(t.subscriptions.orgId, org.id));
    expect((await check(hot.url, token)).status).toBe(204);
    await db()
      .update(t.subscriptions)
      .set({ currentPeriodEnd: new Date(Date.now() - 1000) })
      .where(eq(t.subscriptions.orgId, org.id));
    expect((await check(hot.url, token)).status).toBe(401);
    await db().delete(t.subscriptions).where(eq(t.subscriptions.orgId, org.id));
    expect((await check(hot.url, token)).status).toBe(401);
  });

  it("a change through a second database handle is seen by the next check (separate LISTEN connection and cache)", async () => {
    const second = testDb.openSecondHandle();
    const other = await new TokenChecker(second).start();
    try {
      const { token, org, member } = await warmToken();
      expect(await other.check(token)).toMatchObject({ valid: true });
      expect(await other.check(token)).toMatchObject({ valid: true });
      await revokeToken(member, org.slug, { userId: member.userId });
      expect(await other.check(token)).toMatchObject({ valid: false, reason: "revoked" });
    } finally {
      await other.close();
    }
  });

  it("preloads every current token at boot, and a preloaded entry is still invalidated at once", async () => {
    const { token, org, member } = await warmToken();
    const fresh = await new TokenChecker(testDb.handle).start();
    try {
      const loaded = await fresh.preload(2);
      expect(loaded).toBeGreaterThan(0);
      expect(fresh.cacheSize).toBe(loaded);
      expect(await fresh.check(token)).toMatchObject({ valid: true });
      expect(fresh.stats).toMatchObject({ hits: 1, loads: 0 });
      await setSeat(org, member.userId, false);
      expect(await fresh.check(token)).toMatchObject({ valid: false, reason: "no_seat" });
    } finally {
      await fresh.close();
    }
  });

  it("counts successful checks per token in batches (last_used_at, use_count)", async () => {
    const { token, org, member } = await warmToken();
    await hot.usage.flush();
    for (let i = 0; i < 5; i++) await check(hot.url, token);
    await hot.usage.flush();
    const [row] = await db()
      .select()
      .from(t.memberTokens)
      .where(and(eq(t.memberTokens.orgId, org.id), eq(t.memberTokens.userId, member.userId)));
    expect(row.useCount).toBe(7);
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("POST /api/tokens/introspect", () => {
  it("authenticates the caller as a service account (HTTP Basic or its access token); 401 invalid_client otherwise", async () => {
    const { token, org } = await warmToken();
    const secret = generateSecret("ops");
    const clientId = `sa_${crypto.randomUUID().slice(0, 8)}`;
    await db()
      .insert(t.serviceAccounts)
      .values({ orgId: org.id, name: "pkg-server", clientId, secretHash: hashSecret(secret) });
    const basic = (id: string, s: string) => `Basic ${Buffer.from(`${id}:${s}`).toString("base64")}`;
    const post = (authorization?: string) =>
      fetch(`${hot.url}/api/tokens/introspect`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(authorization ? { authorization } : {}) },
        body: `token=${token}`,
      });
    for (const bad of [undefined, basic(clientId, "wrong"), basic("nobody", secret), "Bearer opa_nope"]) {
      const res = await post(bad);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "invalid_client" });
    }
    const ok = await post(basic(clientId, secret));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ active: true, org_id: org.id });
    const { access_token } = await issueServiceAccountToken({ clientId, clientSecret: secret });
    expect(await (await post(`Bearer ${access_token}`)).json()).toMatchObject({ active: true });
    await db().update(t.serviceAccounts).set({ deletedAt: new Date() }).where(eq(t.serviceAccounts.clientId, clientId));
    expect((await post(basic(clientId, secret))).status).toBe(401);
  });

  it("answers in RFC 7662 shape for an authenticated caller, and only about its own org's tokens", async () => {
    const { token, org, member } = await warmToken();
    const intro = await startHotPath(testDb.handle, { authenticateIntrospection: async () => ({ orgId: org.id, clientId: "sa" }) });
    const stranger = await startHotPath(testDb.handle, {
      authenticateIntrospection: async () => ({ orgId: crypto.randomUUID(), clientId: "x" }),
    });
    try {
      const post = (base: string, body: string, type = "application/x-www-form-urlencoded") =>
        fetch(`${base}/api/tokens/introspect`, { method: "POST", headers: { "content-type": type }, body });
      const res = await post(intro.url, `token=${token}&token_type_hint=access_token`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.json();
      expect(body).toMatchObject({ active: true, sub: member.userId, org_id: org.id });
      expect(typeof body.exp).toBe("number");
      expect(await (await post(intro.url, JSON.stringify({ token }), "application/json")).json()).toMatchObject({ active: true });
      expect(await (await post(stranger.url, `token=${token}`)).json()).toEqual({ active: false });
      expect(await (await post(intro.url, `token=${generateToken()}`)).json()).toEqual({ active: false });
      expect((await post(intro.url, "nothing=here")).status).toBe(400);
      expect((await fetch(`${intro.url}/api/tokens/introspect`)).status).toBe(405);
    } finally {
      await intro.close();
      await stranger.close();
    }
  });
});

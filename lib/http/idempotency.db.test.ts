import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as createSa } from "@/app/api/organizations/[orgId]/service-accounts/route";
import { POST as assignSeat } from "@/app/api/organizations/[orgId]/users/[userId]/seats/route";
import { POST as issueToken } from "@/app/api/organizations/[orgId]/users/[userId]/token/route";
import { db, t } from "@/db";
import { addLoginMember, callRoute, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { carriesSecret, sweepIdempotencyKeys } from "./idempotency";

useTestDatabase();

const storedBodies = async () => JSON.stringify(await db().select().from(t.idempotencyKeys));

describe("Idempotency-Key and secrets", () => {
  it("never stores a new client_secret; its replay is a clear 409", async () => {
    const { org, adminToken } = await createApiOrg();
    const call = () =>
      callRoute(createSa, {
        method: "POST",
        token: adminToken,
        params: { orgId: org.slug },
        headers: { "idempotency-key": "sa-1" },
        body: { name: "ci" },
      });
    const first = await call();
    expect(first.status).toBe(201);
    expect(first.body.client_secret).toBeTruthy();
    expect(await storedBodies()).not.toContain(first.body.client_secret);
    const replay = await call();
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: "idempotency_secret_not_replayable" });
    expect(replay.body.detail).toContain("201");
  });

  it("never stores a new member token", async () => {
    const { org, adminToken } = await createApiOrg();
    const { user } = await addLoginMember(org.id, "member");
    const params = { orgId: org.slug, userId: user.userId };
    await callRoute(assignSeat, { method: "POST", token: adminToken, params });
    const call = () =>
      callRoute(issueToken, { method: "POST", token: adminToken, params, headers: { "idempotency-key": "tok-1" }, body: {} });
    const first = await call();
    expect(first.status).toBe(201);
    expect(await storedBodies()).not.toContain(first.body.token);
    expect((await call()).status).toBe(409);
  });

  it("still replays answers without secrets", async () => {
    const { org, adminToken } = await createApiOrg();
    const { user } = await addLoginMember(org.id, "member");
    const call = () =>
      callRoute(assignSeat, {
        method: "POST",
        token: adminToken,
        params: { orgId: org.slug, userId: user.userId },
        headers: { "idempotency-key": "seat-1" },
      });
    expect((await call()).status).toBe(201);
    const second = await call();
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
  });

  it("finds secrets by field name at any depth", () => {
    expect(carriesSecret({ client_id: "a", client_secret: "s" })).toBe(true);
    expect(carriesSecret({ results: [{ email: "a@x.io", token: "t" }] })).toBe(true);
    expect(carriesSecret({ expires_at: "2030-01-01", token: null })).toBe(false);
    expect(carriesSecret({ name: "ci", client_id: "a" })).toBe(false);
  });

  it("sweeps keys older than a day", async () => {
    await db()
      .insert(t.idempotencyKeys)
      .values([
        { principal: "user:x", key: "old", requestHash: "h", createdAt: new Date(Date.now() - 25 * 3600_000) },
        { principal: "user:x", key: "new", requestHash: "h" },
      ]);
    expect(await sweepIdempotencyKeys()).toBe(1);
    const left = await db()
      .select({ key: t.idempotencyKeys.key })
      .from(t.idempotencyKeys)
      .where(sql`principal = 'user:x'`);
    expect(left.map((r) => r.key)).toEqual(["new"]);
  });
});

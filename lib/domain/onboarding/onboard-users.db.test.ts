import { and, count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as onboarding } from "@/app/api/organizations/[orgId]/onboarding/route";
import { DELETE as revokeToken, PATCH as syncToken, POST as issueToken } from "@/app/api/organizations/[orgId]/users/[userId]/token/route";
import { db, t } from "@/db";
import { getTokenChecker } from "@/lib/domain/tokens/check/check-token";
import { callRoute, createApiOrg, createLoginUser } from "@/test/api";
import { useTestDatabase } from "@/test/db";

useTestDatabase();

const seated = async (orgId: string) =>
  (
    await db()
      .select({ n: count() })
      .from(t.memberships)
      .where(and(eq(t.memberships.orgId, orgId), isNotNull(t.memberships.seatAssignedAt)))
  )[0].n;

describe("POST /onboarding", () => {
  it("onboards new addresses with a seat and token, in order, until seats run out", async () => {
    const { org, saToken, admin } = await createApiOrg({ seats: 3 });
    const existing = await createLoginUser("Has Account");
    const res = await callRoute(onboarding, {
      method: "POST",
      token: saToken,
      params: { orgId: org.slug },
      body: {
        user_emails: [
          "one@example.com",
          existing.label,
          "not an email",
          "Two@Example.com",
          "two@example.com",
          "three@example.com",
          "four@example.com",
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      users_in_onboarding_process: ["one@example.com", "two@example.com", "three@example.com"],
      users_unavailable_for_onboarding: [existing.label, "not an email", "two@example.com", "four@example.com"],
      total_organization_seats: 3,
      available_organization_seats: 0,
    });
    expect(await seated(org.id)).toBe(3);
    const mails = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, "one@example.com"));
    expect(mails.map((m) => m.template).sort()).toEqual(["added-to-organization", "token-issued"]);
    const token = mails.find((m) => m.template === "token-issued")!.text.match(/opt_[0-9A-Za-z]{36}/)![0];
    expect((await (await getTokenChecker()).check(token)).valid).toBe(true);
    const adminMail = await db()
      .select()
      .from(t.emailOutbox)
      .where(and(eq(t.emailOutbox.to, admin.label), eq(t.emailOutbox.template, "users-onboarded")));
    expect(adminMail).toHaveLength(1);
  });

  it("accepts the string form and replays with Idempotency-Key instead of onboarding twice", async () => {
    const { org, saToken } = await createApiOrg({ seats: 5 });
    const call = () =>
      callRoute(onboarding, {
        method: "POST",
        token: saToken,
        params: { orgId: org.slug },
        headers: { "idempotency-key": "batch-7" },
        body: { user_emails: "[<a@example.org>, b@example.org]" },
      });
    const first = await call();
    expect(first.body.users_in_onboarding_process).toEqual(["a@example.org", "b@example.org"]);
    const second = await call();
    expect(second.body).toEqual(first.body);
    expect(await seated(org.id)).toBe(2);
  });

  it("issues, syncs and revokes a member token through the API", async () => {
    const { org, saToken } = await createApiOrg({ seats: 2 });
    const { body } = await callRoute(onboarding, {
      method: "POST",
      token: saToken,
      params: { orgId: org.slug },
      body: { user_emails: ["m@example.net"] },
    });
    expect(body.users_in_onboarding_process).toHaveLength(1);
    const [user] = await db().select().from(t.users).where(eq(t.users.email, "m@example.net"));
    const params = { orgId: org.slug, userId: user.id };
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const issued = await callRoute(issueToken, { method: "POST", token: saToken, params, body: { expires_at: soon } });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^opt_/);
    expect(new Date(issued.body.expires_at).getTime()).toBe(new Date(soon).getTime());
    const synced = await callRoute(syncToken, { method: "PATCH", token: saToken, params });
    expect(synced.status).toBe(200);
    expect(new Date(synced.body.expires_at).getTime()).toBeGreaterThan(new Date(soon).getTime());
    expect((await callRoute(revokeToken, { method: "DELETE", token: saToken, params })).status).toBe(204);
    expect((await (await getTokenChecker()).check(issued.body.token)).valid).toBe(false);
    expect((await callRoute(revokeToken, { method: "DELETE", token: saToken, params })).status).toBe(404);
    const bad = await callRoute(issueToken, { method: "POST", token: saToken, params, body: { expires_at: "next tuesday" } });
    expect(bad.status).toBe(422);
  });
});

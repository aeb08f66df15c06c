import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { addTestMember } from "@/lib/domain/members/test-support";
import { AppError } from "@/lib/errors";
import { hashToken, isWellFormedToken } from "@/lib/domain/tokens/member/format";
import { useTestDatabase } from "@/test/db";
import { createTestUser, rejectionOf } from "@/test/factories";
import { getTokenAccess, listTokenStatuses } from "./get-token-access";
import { issueToken } from "./issue-token";
import { revokeToken } from "./revoke-token";
import { syncToken } from "./sync-token";
import { orgWithSeatedMember, setSeat } from "./test-support";

useTestDatabase();

const codeOf = async (p: Promise<unknown>) => {
  const err = await rejectionOf(p);
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).reason ?? (err as AppError).code;
};

const tokensOf = (orgId: string, userId: string) =>
  db()
    .select()
    .from(t.memberTokens)
    .where(and(eq(t.memberTokens.orgId, orgId), eq(t.memberTokens.userId, userId)));

describe("issueToken", () => {
  it("issues a seated member's token: expiry at the period end, only the hash stored, emailed once, recorded", async () => {
    const { org, member, sub } = await orgWithSeatedMember();
    const issued = await issueToken(member, org.slug);
    expect(isWellFormedToken(issued.token)).toBe(true);
    expect(issued.expiresAt.toISOString()).toBe(sub.currentPeriodEnd.toISOString());
    expect(issued.reissued).toBe(false);

    const [row] = await tokensOf(org.id, member.userId);
    expect(row.tokenHash).toBe(hashToken(issued.token));
    expect(row.last4).toBe(issued.token.slice(-4));
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const mails = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, member.label));
    expect(mails.filter((m) => m.template === "token-issued")).toHaveLength(1);
    expect(mails[0].text).toContain(issued.token);
    expect(mails[0].text).toContain(`conda config --set channel_alias`);

    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "token.issued")));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toContain(issued.token);
  });

  it("reissuing revokes the old token and keeps exactly one current token", async () => {
    const { org, member } = await orgWithSeatedMember();
    const first = await issueToken(member, org.slug);
    const second = await issueToken(member, org.slug);
    expect(second.reissued).toBe(true);
    const rows = await tokensOf(org.id, member.userId);
    expect(rows).toHaveLength(2);
    const current = rows.filter((r) => !r.revokedAt);
    expect(current).toHaveLength(1);
    expect(current[0].tokenHash).toBe(hashToken(second.token));
    expect(rows.find((r) => r.tokenHash === hashToken(first.token))?.revokedAt).not.toBeNull();
  });

  it("concurrent issues leave one current token", async () => {
    const { org, member } = await orgWithSeatedMember();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => issueToken(member, org.slug)));
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    const current = await db()
      .select()
      .from(t.memberTokens)
      .where(and(eq(t.memberTokens.orgId, org.id), eq(t.memberTokens.userId, member.userId), isNull(t.memberTokens.revokedAt)));
    expect(current).toHaveLength(1);
  });

  it("accepts an earlier expiry date and refuses past dates or dates after the period end", async () => {
    const { org, member, sub } = await orgWithSeatedMember();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const issued = await issueToken(member, org.slug, { expiresAt: tomorrow });
    expect(issued.expiresAt.toISOString()).toBe(`${new Date(Date.parse(tomorrow) + 86_400_000).toISOString()}`);
    expect(await codeOf(issueToken(member, org.slug, { expiresAt: "2001-01-01" }))).toBe("validation");
    const late = new Date(sub.currentPeriodEnd.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(await codeOf(issueToken(member, org.slug, { expiresAt: late }))).toBe("validation");
    expect(await codeOf(issueToken(member, org.slug, { expiresAt: "soon" }))).toBe("validation");
    // On the period end's own day: clamped to the period end.
    const sameDay = sub.currentPeriodEnd.toISOString().slice(0, 10);
    expect((await issueToken(member, org.slug, { expiresAt: sameDay })).expiresAt.getTime()).toBe(sub.currentPeriodEnd.getTime());
  });

  it("refuses members without a seat, admins without a seat, inactive subscriptions and non-members", async () => {
    const { org, admin, member } = await orgWithSeatedMember();
    const unseated = await addTestMember(org, "member");
    expect(await codeOf(issueToken(unseated, org.slug))).toBe("no_seat");
    expect(await codeOf(issueToken(admin, org.slug))).toBe("no_seat");
    await setSeat(org, admin.userId, true);
    expect((await issueToken(admin, org.slug)).token).toMatch(/^opt_/);
    const outsider = await createTestUser();
    expect(await codeOf(issueToken(outsider, org.slug))).toBe("not_found");
    await db().update(t.subscriptions).set({ status: "lapsed" }).where(eq(t.subscriptions.orgId, org.id));
    expect(await codeOf(issueToken(member, org.slug))).toBe("subscription_inactive");
    expect(await tokensOf(org.id, unseated.userId)).toHaveLength(0);
  });

  it("lets admins (not members) issue, revoke and sync another member's token", async () => {
    const { org, admin, member } = await orgWithSeatedMember();
    const other = await addTestMember(org, "member");
    await setSeat(org, other.userId, true);
    expect(await codeOf(issueToken(member, org.slug, { userId: other.userId }))).toBe("forbidden");
    await issueToken(admin, org.slug, { userId: other.userId });
    expect(await codeOf(syncToken(member, org.slug, { userId: other.userId }))).toBe("forbidden");
    expect(await codeOf(revokeToken(member, org.slug, { userId: other.userId }))).toBe("forbidden");
    await revokeToken(admin, org.slug, { userId: other.userId });
    expect((await tokensOf(org.id, other.userId)).every((r) => r.revokedAt)).toBe(true);
    expect(await codeOf(revokeToken(admin, org.slug, { userId: other.userId }))).toBe("no_token");
  });
});

describe("syncToken and renewals", () => {
  it("renewing does not extend a token; sync extends it to the new period end", async () => {
    const { org, admin, member, sub } = await orgWithSeatedMember();
    const issued = await issueToken(member, org.slug);
    const newEnd = new Date(sub.currentPeriodEnd.getTime() + 30 * 86_400_000);
    await db().update(t.subscriptions).set({ currentPeriodEnd: newEnd }).where(eq(t.subscriptions.id, sub.id));
    const [before] = await tokensOf(org.id, member.userId);
    expect(before.expiresAt.getTime()).toBe(issued.expiresAt.getTime());
    const synced = await syncToken(admin, org.slug, { userId: member.userId });
    expect(synced.expiresAt.getTime()).toBe(newEnd.getTime());
    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "token.synced")));
    expect(events).toHaveLength(1);
  });
});

describe("getTokenAccess", () => {
  it("tells a member whether they hold a seat, who the admins are, and shows only the last 4 characters", async () => {
    const { org, admin, member } = await orgWithSeatedMember();
    const unseated = await addTestMember(org, "member");
    const view = await getTokenAccess(unseated, org.slug);
    expect(view.seated).toBe(false);
    expect(view.admins.map((a) => a.email)).toContain(admin.label);
    const issued = await issueToken(member, org.slug);
    const mine = await getTokenAccess(member, org.slug);
    expect(mine.seated).toBe(true);
    expect(mine.token).toMatchObject({ last4: issued.token.slice(-4), status: "active", useCount: 0 });
    expect(JSON.stringify(mine)).not.toContain(issued.token);
    const statuses = await listTokenStatuses(db(), org.id, [member.userId, unseated.userId], new Date(issued.expiresAt.getTime() + 1));
    expect(statuses.get(member.userId)?.status).toBe("expired");
    expect(statuses.has(unseated.userId)).toBe(false);
  });
});

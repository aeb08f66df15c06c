import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";
import { addMonths } from "@/lib/domain/subscriptions/period";
import { evaluateTokenState, loadTokenState } from "@/lib/domain/tokens/check/token-validity";
import { hashToken } from "@/lib/domain/tokens/member/format";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { issueToken } from "./issue-token";
import { listMemberTokens } from "./list-member-tokens";
import { revokeTokenById } from "./revoke-token-by-id";
import { syncToken } from "./sync-token";
import { orgWithSeatedMember } from "./test-support";

useTestDatabase();

const reasonOf = async (p: Promise<unknown>) => {
  const err = await rejectionOf(p);
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).reason ?? (err as AppError).code;
};
const verdict = async (token: string) => evaluateTokenState(await loadTokenState(db(), hashToken(token)));

describe("a member's token history", () => {
  it("lists the current token and every replaced one; revoking by id revokes exactly that token", async () => {
    const { org, admin, member } = await orgWithSeatedMember();
    const first = await issueToken(admin, org.slug, { userId: member.userId });
    const second = await issueToken(admin, org.slug, { userId: member.userId });

    const history = await listMemberTokens(admin, org.slug, { userId: member.userId });
    expect(history.map((h) => [h.id, h.revokedAt !== null])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    expect(history[0].last4).toBe(second.token.slice(-4));

    // Only the current, unrevoked token is valid; the replaced one cannot be revoked again.
    expect((await verdict(first.token)).valid).toBe(false);
    expect((await verdict(second.token)).valid).toBe(true);
    expect(await reasonOf(revokeTokenById(admin, org.slug, { userId: member.userId, tokenId: first.id }))).toBe("token_already_revoked");
    expect(await reasonOf(revokeTokenById(admin, org.slug, { userId: member.userId, tokenId: crypto.randomUUID() }))).toBe(
      "token_not_found",
    );

    await revokeTokenById(admin, org.slug, { userId: member.userId, tokenId: second.id });
    expect(await verdict(second.token)).toMatchObject({ valid: false, reason: "revoked" });
    const after = await listMemberTokens(admin, org.slug, { userId: member.userId });
    expect(after.every((h) => h.revokedAt !== null)).toBe(true);
    const [entry] = await db().select().from(t.activity).where(eq(t.activity.action, "token.revoked"));
    expect(entry.metadata).toMatchObject({ tokenId: second.id, last4: second.token.slice(-4) });
  });

  it("refuses another member's token id and callers without members.manage", async () => {
    const { org, admin, member } = await orgWithSeatedMember();
    const other = await orgWithSeatedMember("Other");
    const theirs = await issueToken(other.admin, other.org.slug, { userId: other.member.userId });
    expect(await reasonOf(revokeTokenById(admin, org.slug, { userId: member.userId, tokenId: theirs.id }))).toBe("token_not_found");
    expect(await reasonOf(revokeTokenById(member, org.slug, { userId: member.userId, tokenId: theirs.id }))).toBe("forbidden");
    expect(await reasonOf(listMemberTokens(member, org.slug, { userId: member.userId }))).toBe("forbidden");
    expect((await verdict(theirs.token)).valid).toBe(true);
  });
});

describe("expiry options of the API", () => {
  it("adds months of grace past the period end, shortens a later date when asked, and skips the email on request", async () => {
    const { org, admin, member, sub } = await orgWithSeatedMember();
    const later = new Date(sub.currentPeriodEnd.getTime() + 90 * 86_400_000).toISOString();
    expect(await reasonOf(issueToken(admin, org.slug, { userId: member.userId, expiresAt: later }))).toBe("validation");

    const clamped = await issueToken(admin, org.slug, { userId: member.userId, expiresAt: later, clampToPeriod: true, sendEmail: false });
    expect(clamped.expiresAt.toISOString()).toBe(sub.currentPeriodEnd.toISOString());
    const graced = await issueToken(admin, org.slug, { userId: member.userId, expiresAt: later, clampToPeriod: true, graceMonths: 2 });
    expect(graced.expiresAt.toISOString()).toBe(addMonths(sub.currentPeriodEnd, 2).toISOString());
    const mails = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, member.label));
    expect(mails).toHaveLength(1); // the graced one; the clamped one asked for no email

    const soon = new Date(Date.now() + 3 * 86_400_000);
    const dated = await syncToken(admin, org.slug, { userId: member.userId, expiresAt: soon.toISOString(), graceMonths: 1 });
    expect(dated.expiresAt.toISOString()).toBe(addMonths(soon, 1).toISOString());
    const renewed = await syncToken(admin, org.slug, { userId: member.userId });
    expect(renewed.expiresAt.toISOString()).toBe(sub.currentPeriodEnd.toISOString());
  });
});

import { and, eq, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { updateTokenExpirySchema, type UpdateTokenExpiryInput } from "@/lib/validation/tokens";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "@/lib/domain/activity/record-activity";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";
import { activeSubscription, lockSeatedMember, noSeatError, noTokenError, subscriptionInactiveError, tokenExpiry } from "./token-rules";

/**
 * Extends a member's current token to the subscription's current period end (renewing the
 * subscription does not do it by itself). For Account Admins on a member's row, and the API.
 * The API may instead name a moment (`expiresAt`, shortened to the period's end when later) and
 * add months of grace; the token keeps its secret either way.
 */
export async function syncToken(actor: Actor, orgSlug: string, input: UpdateTokenExpiryInput, { now = new Date() } = {}) {
  const { userId, expiresAt: requested, graceMonths = 0 } = parseInput(updateTokenExpirySchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "members.manage", tx);
    const member = await lockSeatedMember(tx, org.id, userId);
    if (!member) throw new AppError("not_found", "This person is not a member of this organization.");
    if (!member.seatAssignedAt) throw noSeatError();
    const sub = await activeSubscription(tx, org.id, now);
    if (!sub) throw subscriptionInactiveError();
    const [token] = await tx
      .update(t.memberTokens)
      .set({ expiresAt: tokenExpiry({ requested, periodEnd: sub.currentPeriodEnd, graceMonths, clampToPeriod: true, now }) })
      .where(and(eq(t.memberTokens.orgId, org.id), eq(t.memberTokens.userId, userId), isNull(t.memberTokens.revokedAt)))
      .returning({ last4: t.memberTokens.last4, expiresAt: t.memberTokens.expiresAt });
    if (!token) throw noTokenError();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "token.synced",
      target: { type: "user", id: userId, label: member.email ?? member.name },
      metadata: { last4: token.last4, expiresAt: token.expiresAt.toISOString(), ...(requested ? { renewal: false } : {}) },
    });
    return { expiresAt: token.expiresAt };
  });
}

import { and, eq } from "drizzle-orm";
import { t, type Queryable } from "@/db";

/** Everything that decides whether one token is valid, read with one indexed query. */
export type TokenState = {
  tokenId: string;
  orgId: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
  isMember: boolean;
  seatAssignedAt: Date | null;
  subscriptionStatus: string | null;
  periodEnd: Date | null;
};

export type InvalidReason =
  | "malformed"
  | "unknown"
  | "revoked"
  | "expired"
  | "not_member"
  | "no_seat"
  | "subscription_inactive";

export type TokenVerdict =
  | { valid: true; tokenId: string; orgId: string; userId: string; issuedAt: Date; expiresAt: Date }
  | { valid: false; reason: InvalidReason; tokenId?: string; orgId?: string };

export async function loadTokenState(q: Queryable, tokenHash: string): Promise<TokenState | null> {
  const [row] = await q
    .select({
      tokenId: t.memberTokens.id,
      orgId: t.memberTokens.orgId,
      userId: t.memberTokens.userId,
      expiresAt: t.memberTokens.expiresAt,
      createdAt: t.memberTokens.createdAt,
      revokedAt: t.memberTokens.revokedAt,
      membershipId: t.memberships.id,
      seatAssignedAt: t.memberships.seatAssignedAt,
      subscriptionStatus: t.subscriptions.status,
      periodEnd: t.subscriptions.currentPeriodEnd,
    })
    .from(t.memberTokens)
    .leftJoin(t.memberships, and(eq(t.memberships.orgId, t.memberTokens.orgId), eq(t.memberships.userId, t.memberTokens.userId)))
    .leftJoin(t.subscriptions, eq(t.subscriptions.orgId, t.memberTokens.orgId))
    .where(eq(t.memberTokens.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const { membershipId, ...rest } = row;
  return { ...rest, isMember: membershipId !== null };
}

/**
 * THE rule (DESIGN.md section 2): a token is valid only while it is the member's current token,
 * not expired, the member still belongs to the org and holds a seat, and the org's subscription
 * is active. Evaluated on every check with the current time, so expiry needs no invalidation.
 * The reported expiry is the earlier of the token's and the subscription period's end.
 */
export function evaluateTokenState(state: TokenState | null, now = Date.now()): TokenVerdict {
  if (!state) return { valid: false, reason: "unknown" };
  const invalid = (reason: InvalidReason): TokenVerdict => ({ valid: false, reason, tokenId: state.tokenId, orgId: state.orgId });
  if (state.revokedAt) return invalid("revoked");
  if (state.expiresAt.getTime() <= now) return invalid("expired");
  if (!state.isMember) return invalid("not_member");
  if (!state.seatAssignedAt) return invalid("no_seat");
  if (state.subscriptionStatus !== "active" || !state.periodEnd || state.periodEnd.getTime() <= now) {
    return invalid("subscription_inactive");
  }
  const expiresAt = state.periodEnd < state.expiresAt ? state.periodEnd : state.expiresAt;
  return { valid: true, tokenId: state.tokenId, orgId: state.orgId, userId: state.userId, issuedAt: state.createdAt, expiresAt };
}

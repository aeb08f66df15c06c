import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { t, type Tx } from "@/db";

/**
 * Takes seats away and revokes the current member tokens of these users, in the caller's
 * transaction: the token stops working the moment the change commits. Used by revoking a
 * seat (tokens of those whose seat was taken), removing a member and leaving (every token of
 * the people leaving). Returns the users whose seat was revoked.
 */
export async function revokeSeatsAndTokens(
  tx: Tx,
  orgId: string,
  userIds: string[],
  { tokensOf = "all", now = new Date() }: { tokensOf?: "all" | "seated"; now?: Date } = {},
) {
  if (userIds.length === 0) return [];
  const revoked = await tx
    .update(t.memberships)
    .set({ seatAssignedAt: null })
    .where(and(eq(t.memberships.orgId, orgId), inArray(t.memberships.userId, userIds), isNotNull(t.memberships.seatAssignedAt)))
    .returning({ userId: t.memberships.userId });
  const revokedIds = revoked.map((r) => r.userId);
  await revokeTokens(tx, orgId, tokensOf === "all" ? userIds : revokedIds, now);
  return revokedIds;
}

export async function revokeTokens(tx: Tx, orgId: string, userIds: string[], now = new Date()) {
  if (userIds.length === 0) return;
  await tx
    .update(t.memberTokens)
    .set({ revokedAt: now })
    .where(and(eq(t.memberTokens.orgId, orgId), inArray(t.memberTokens.userId, userIds), isNull(t.memberTokens.revokedAt)));
}

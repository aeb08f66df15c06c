import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { readTogether, db, t, type Queryable } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";

export type TokenStatus = {
  last4: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  useCount: number;
  status: "active" | "expired";
};

/** Current tokens of some members of an org (for Token Access and the admins' Users table). */
export async function listTokenStatuses(q: Queryable, orgId: string, userIds: string[], now = new Date()) {
  const out = new Map<string, TokenStatus>();
  if (userIds.length === 0) return out;
  const rows = await q
    .select({
      userId: t.memberTokens.userId,
      last4: t.memberTokens.last4,
      createdAt: t.memberTokens.createdAt,
      expiresAt: t.memberTokens.expiresAt,
      lastUsedAt: t.memberTokens.lastUsedAt,
      useCount: t.memberTokens.useCount,
    })
    .from(t.memberTokens)
    .where(and(eq(t.memberTokens.orgId, orgId), inArray(t.memberTokens.userId, userIds), isNull(t.memberTokens.revokedAt)));
  for (const { userId, ...row } of rows) out.set(userId, { ...row, status: row.expiresAt > now ? "active" : "expired" });
  return out;
}

/** What the Token Access page shows the signed-in member. */
export async function getTokenAccess(actor: Actor, orgSlug: string, { now = new Date() } = {}) {
  if (actor.kind !== "user") throw new AppError("forbidden", "Token Access is for members.");
  const q = db();
  const { org, role } = await loadOrgAccess(actor, orgSlug, "tokens.self", q);
  const [[membership], [sub], admins, tokens] = await readTogether(q, [
    () =>
      q
        .select({ seatAssignedAt: t.memberships.seatAssignedAt })
        .from(t.memberships)
        .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, actor.userId))),
    () => q.select().from(t.subscriptions).where(eq(t.subscriptions.orgId, org.id)).limit(1),
    () =>
      q
        .select({ name: t.users.name, email: t.users.email })
        .from(t.memberships)
        .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
        .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.role, "admin")))
        .orderBy(asc(t.users.name))
        .limit(20),
    () => listTokenStatuses(q, org.id, [actor.userId], now),
  ]);
  const subscriptionActive = !!sub && sub.status === "active" && sub.currentPeriodEnd > now;
  return {
    org,
    role,
    seated: !!membership?.seatAssignedAt,
    subscription: sub ? { active: subscriptionActive, periodEnd: sub.currentPeriodEnd } : null,
    token: tokens.get(actor.userId) ?? null,
    admins,
  };
}

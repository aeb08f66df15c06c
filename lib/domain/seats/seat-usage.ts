import { and, count, eq, isNotNull } from "drizzle-orm";
import { t, type Queryable, type Tx } from "@/db";
import type { Subscription } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type SeatUsage = { total: number; assigned: number; available: number; hasSubscription: boolean };

export async function countAssignedSeats(q: Queryable, orgId: string) {
  const [row] = await q
    .select({ n: count() })
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, orgId), isNotNull(t.memberships.seatAssignedAt)));
  return row.n;
}

export async function getSeatUsage(q: Queryable, orgId: string): Promise<SeatUsage> {
  const [[sub], assigned] = await Promise.all([
    q.select({ seats: t.subscriptions.seats }).from(t.subscriptions).where(eq(t.subscriptions.orgId, orgId)).limit(1),
    countAssignedSeats(q, orgId),
  ]);
  const total = sub?.seats ?? 0;
  return { total, assigned, available: Math.max(0, total - assigned), hasSubscription: !!sub };
}

/**
 * Locks the org's subscription row until the transaction ends. Every write that assigns seats
 * or changes the seat count takes this lock first, so counting assigned seats and writing
 * happen as one step: two requests can never both take the last seat.
 */
export async function lockSubscription(tx: Tx, orgId: string): Promise<Subscription | null> {
  const [sub] = await tx.select().from(t.subscriptions).where(eq(t.subscriptions.orgId, orgId)).for("update");
  return sub ?? null;
}

export const noSubscriptionError = () =>
  new AppError(
    "conflict",
    "This organization has no subscription yet, so there are no seats to assign. Purchase one on the Subscription page.",
    undefined,
    "no_subscription",
  );

export const noSeatError = (total: number) =>
  new AppError(
    "conflict",
    `No seat available: all ${total.toLocaleString("en")} seats are assigned. Add seats on the Subscription page.`,
    undefined,
    "no_seat_available",
  );

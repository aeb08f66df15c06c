import { and, count, eq, gt, isNotNull } from "drizzle-orm";
import { readTogether, t, type Queryable, type Tx } from "@/db";
import type { Subscription } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** `reserved`: seats held by pending, unexpired invitations that come with one. */
export type SeatUsage = { total: number; assigned: number; reserved: number; available: number; hasSubscription: boolean };

export async function countAssignedSeats(q: Queryable, orgId: string) {
  const [row] = await q
    .select({ n: count() })
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, orgId), isNotNull(t.memberships.seatAssignedAt)));
  return row.n;
}

/**
 * Seats promised to pending invitations. An expired one holds nothing (its seat is free again
 * the moment it expires, with no job to run); resending it must find a free seat anew.
 */
export async function countReservedSeats(q: Queryable, orgId: string, now = new Date()) {
  const [row] = await q
    .select({ n: count() })
    .from(t.invitations)
    .where(
      and(
        eq(t.invitations.orgId, orgId),
        eq(t.invitations.status, "pending"),
        eq(t.invitations.withSeat, true),
        gt(t.invitations.expiresAt, now),
      ),
    );
  return row.n;
}

/** Assigned and reserved seats; call it after lockSubscription when the answer decides a write. */
export async function countHeldSeats(q: Queryable, orgId: string, now = new Date()) {
  const [assigned, reserved] = await readTogether(q, [() => countAssignedSeats(q, orgId), () => countReservedSeats(q, orgId, now)]);
  return { assigned, reserved, held: assigned + reserved };
}

export async function getSeatUsage(q: Queryable, orgId: string, now = new Date()): Promise<SeatUsage> {
  const [[sub], { assigned, reserved }] = await readTogether(q, [
    () => q.select({ seats: t.subscriptions.seats }).from(t.subscriptions).where(eq(t.subscriptions.orgId, orgId)).limit(1),
    () => countHeldSeats(q, orgId, now),
  ]);
  const total = sub?.seats ?? 0;
  return { total, assigned, reserved, available: Math.max(0, total - assigned - reserved), hasSubscription: !!sub };
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
    `No seat available: all ${total.toLocaleString("en")} seats are assigned or reserved by invitations. Add seats on the Subscription page.`,
    undefined,
    "no_seat_available",
  );

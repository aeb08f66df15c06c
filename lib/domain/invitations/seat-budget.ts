import type { Tx } from "@/db";
import { countHeldSeats, lockSubscription, noSubscriptionError } from "../seats/seat-usage";

/** A pending invitation holds its seat until it expires; after that the seat is free again. */
export const holdsSeat = (invitation: { withSeat: boolean; expiresAt: Date }, now: Date) =>
  invitation.withSeat && invitation.expiresAt.getTime() > now.getTime();

/**
 * The seats an invite or resend may still reserve. It locks the subscription row first, the
 * same lock seat assignment and seat reductions take, so assigned + reserved never passes the
 * subscription's seats however many of these run at once.
 */
export async function lockSeatBudget(tx: Tx, orgId: string, now: Date) {
  const sub = await lockSubscription(tx, orgId);
  if (!sub) throw noSubscriptionError();
  const { held } = await countHeldSeats(tx, orgId, now);
  let free = Math.max(0, sub.seats - held);
  return {
    total: sub.seats,
    /** Reserves one seat if one is free. */
    take: () => (free > 0 ? (free--, true) : false),
  };
}

import { and, eq, isNull } from "drizzle-orm";
import { t, type Tx } from "@/db";
import { AppError } from "@/lib/errors";
import { addMonths } from "@/lib/domain/subscriptions/period";

export const noSeatError = (self = true) =>
  new AppError(
    "forbidden",
    self
      ? "You need a seat in this organization to issue a token. Ask an Account Admin to assign you one."
      : "This member has no seat. Assign one first.",
    undefined,
    "no_seat",
  );

export const subscriptionInactiveError = () =>
  new AppError(
    "payment_required",
    "This organization has no active subscription, so tokens cannot be issued. Ask a Billing Manager or Account Admin to renew it.",
    undefined,
    "subscription_inactive",
  );

export const noTokenError = () => new AppError("not_found", "This member has no current token.", undefined, "no_token");

/**
 * Locks the member's membership row for the rest of the transaction. Seat revocation and
 * removal write this row too, so they wait for us (and then revoke what we issued) instead of
 * racing past our seat check.
 */
export async function lockSeatedMember(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ seatAssignedAt: t.memberships.seatAssignedAt, email: t.users.email, name: t.users.name })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.userId, userId)))
    .for("update", { of: t.memberships });
  return row ?? null;
}

/** The org's subscription if it is active now; tokens never outlive its current period. */
export async function activeSubscription(tx: Tx, orgId: string, now: Date) {
  const [sub] = await tx.select().from(t.subscriptions).where(eq(t.subscriptions.orgId, orgId)).limit(1);
  if (!sub || sub.status !== "active" || sub.currentPeriodEnd <= now) return null;
  return sub;
}

export async function revokeCurrentToken(tx: Tx, orgId: string, userId: string, now: Date) {
  return tx
    .update(t.memberTokens)
    .set({ revokedAt: now })
    .where(and(eq(t.memberTokens.orgId, orgId), eq(t.memberTokens.userId, userId), isNull(t.memberTokens.revokedAt)))
    .returning({ id: t.memberTokens.id, last4: t.memberTokens.last4 });
}

export const formatExpiry = (d: Date) => d.toLocaleString("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";

const DAY_MS = 86_400_000;

/**
 * When a token issued (or re-dated) now expires: the requested moment, or the period's end,
 * plus any months of grace. Never later than the period's end plus that grace, so a token
 * outlives its subscription only by the grace asked for. A requested moment more than a day
 * past the period's end is refused, unless the caller asked to shorten it instead.
 */
export function tokenExpiry({
  requested,
  periodEnd,
  graceMonths = 0,
  clampToPeriod = false,
  now,
}: {
  requested?: Date;
  periodEnd: Date;
  graceMonths?: number;
  clampToPeriod?: boolean;
  now: Date;
}): Date {
  if (requested && requested.getTime() - periodEnd.getTime() >= DAY_MS && !clampToPeriod) {
    const msg = `Choose a date on or before ${formatExpiry(periodEnd)}, when the subscription period ends.`;
    throw new AppError("validation", msg, { expiresAt: msg });
  }
  const base = requested && requested < periodEnd ? requested : periodEnd;
  const expiresAt = addMonths(base, graceMonths);
  if (expiresAt <= now) throw new AppError("validation", "Choose a date in the future.", { expiresAt: "Choose a date in the future." });
  return expiresAt;
}

import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { subscriptionFormSchema, type SubscriptionFormInput } from "@/lib/validation/subscriptions";
import { parseInput } from "@/lib/validation/parse";
import { assertMayChangeSubscription } from "../instance/instance-rules";
import { loadOrgAccess } from "../organizations/org-access";
import { countHeldSeats, lockSubscription } from "../seats/seat-usage";
import { formatDate } from "./notify-billing-managers";
import { addBillingPeriod, cycleLabels } from "./period";
import { recordSubscriptionChange, type LedgerKind } from "./record-change";

export const noSubscriptionToManage = () =>
  new AppError("conflict", "This organization has no subscription yet. Purchase one first.", undefined, "no_subscription");

/**
 * Changes seats and/or the billing cycle. Seats may be reduced but never below the number
 * assigned plus those reserved by pending invitations: the subscription row is locked before
 * counting, and seat assignment and inviting with a seat take the same lock, so a reduction and assignments racing each other cannot overshoot. Switching the
 * cycle starts a new period from now.
 */
export async function updateSubscription(actor: Actor, orgSlug: string, input: SubscriptionFormInput, { now = new Date() } = {}) {
  const { seats, billingCycle } = parseInput(subscriptionFormSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "subscription.manage", tx);
    await assertMayChangeSubscription(tx, actor);
    const current = await lockSubscription(tx, org.id);
    if (!current) throw noSubscriptionToManage();
    const { assigned, reserved, held } = await countHeldSeats(tx, org.id, now);
    if (seats < held) {
      const message =
        reserved > 0
          ? `${assigned.toLocaleString("en")} seats are assigned and ${reserved.toLocaleString("en")} reserved by pending invitations, so the subscription cannot have fewer than ${held.toLocaleString("en")}. Revoke seats on the Users page or remove invitations first.`
          : `${assigned.toLocaleString("en")} seats are assigned, so the subscription cannot have fewer. Revoke seats on the Users page first.`;
      throw new AppError("conflict", message, { seats: message }, "seats_below_assigned");
    }

    const entries: Array<{ kind: LedgerKind; metadata: Record<string, unknown> }> = [];
    const changes: string[] = [];
    const values: Partial<typeof t.subscriptions.$inferInsert> = { seats, billingCycle, updatedAt: now };
    if (seats !== current.seats) {
      entries.push({ kind: "seats_changed", metadata: { from: current.seats, to: seats } });
      changes.push(`Seats changed from ${current.seats.toLocaleString("en")} to ${seats.toLocaleString("en")}.`);
    }
    if (billingCycle !== current.billingCycle) {
      values.currentPeriodStart = now;
      values.currentPeriodEnd = addBillingPeriod(now, billingCycle);
      entries.push({ kind: "cycle_changed", metadata: { from: current.billingCycle, to: billingCycle } });
      changes.push(`Billing changed to ${cycleLabels[billingCycle]}; the new period ends ${formatDate(values.currentPeriodEnd)}.`);
    }
    if (entries.length === 0) return { subscription: current, changed: false, message: "No changes to save." };

    const [sub] = await tx.update(t.subscriptions).set(values).where(eq(t.subscriptions.id, current.id)).returning();
    const change = changes.join(" ");
    await recordSubscriptionChange(tx, actor, org, sub, entries, change);
    return { subscription: sub, changed: true, message: change };
  });
}

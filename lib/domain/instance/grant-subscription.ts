import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, notFound } from "@/lib/errors";
import { grantSubscriptionSchema, type GrantSubscriptionInput } from "@/lib/validation/instance";
import { parseInput } from "@/lib/validation/parse";
import { recordActivities } from "../activity/record-activity";
import { countAssignedSeats, lockSubscription } from "../seats/seat-usage";
import { formatDate, notifyBillingManagers } from "../subscriptions/notify-billing-managers";
import { cycleLabels } from "../subscriptions/period";
import { requireInstanceAdmin } from "./instance-admin";

/**
 * Grant Subscription (the org has none) or Change Subscription (it has one): the instance admin
 * sets seats, cycle and the last day of the period, without payment. Seats never go below those
 * assigned (the subscription row is locked first, as seat assignment does). Recorded in the org's
 * activity, the ledger and the instance log; billing managers are told.
 */
export async function grantSubscription(actor: Actor, orgSlug: string, input: GrantSubscriptionInput, { now = new Date() } = {}) {
  const { seats, billingCycle, periodEnd: day } = parseInput(grantSubscriptionSchema, input);
  // The period runs through the whole chosen day (UTC).
  const periodEnd = new Date(`${day}T23:59:59.999Z`);
  if (periodEnd.getTime() <= now.getTime()) {
    throw new AppError("validation", "Some fields need attention.", { periodEnd: "Choose a day in the future." });
  }
  return db().transaction(async (tx) => {
    const admin = await requireInstanceAdmin(actor, tx);
    const [org] = await tx.select().from(t.organizations).where(eq(t.organizations.slug, orgSlug.trim().toLowerCase())).limit(1);
    if (!org) throw notFound("Organization not found.");
    const current = await lockSubscription(tx, org.id);
    const assigned = await countAssignedSeats(tx, org.id);
    if (seats < assigned) {
      const message = `${assigned.toLocaleString("en")} seats are assigned in this organization, so it cannot have fewer.`;
      throw new AppError("conflict", message, { seats: message }, "seats_below_assigned");
    }
    const values = { seats, billingCycle, status: "active" as const, currentPeriodEnd: periodEnd, updatedAt: now };
    const [sub] = current
      ? await tx.update(t.subscriptions).set(values).where(eq(t.subscriptions.id, current.id)).returning()
      : await tx
          .insert(t.subscriptions)
          .values({ ...values, orgId: org.id, currentPeriodStart: now, createdAt: now })
          .returning();
    const action = current ? "subscription.changed" : "subscription.granted";
    const metadata = {
      seats,
      billingCycle,
      periodEnd: periodEnd.toISOString(),
      ...(current && {
        from: { seats: current.seats, billingCycle: current.billingCycle, periodEnd: current.currentPeriodEnd.toISOString() },
      }),
    };
    await tx.insert(t.subscriptionLedger).values({
      orgId: org.id,
      kind: current ? "admin_changed" : "granted",
      seats,
      billingCycle,
      periodEnd,
      actorLabel: admin.label,
    });
    const target = { type: "organization", id: org.id, label: org.slug };
    // One entry in the org's log (its admins see who changed their plan), one in the instance's.
    await recordActivities(tx, admin, [
      { orgId: org.id, action, target, metadata },
      { orgId: null, action, target, metadata },
    ]);
    const change = `${current ? "Subscription changed" : "Subscription granted"} by the instance admin: ${seats.toLocaleString("en")} seats, ${cycleLabels[billingCycle]}, until ${formatDate(periodEnd)}.`;
    await notifyBillingManagers(tx, admin, org, sub, change);
    return { subscription: sub, granted: !current, message: change };
  });
}

import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { subscriptionFormSchema, type SubscriptionFormInput } from "@/lib/validation/subscriptions";
import { parseInput } from "@/lib/validation/parse";
import { assertMayChangeSubscription } from "../instance/instance-rules";
import { loadOrgAccess } from "../organizations/org-access";
import { formatDate } from "./notify-billing-managers";
import { addBillingPeriod, cycleLabels } from "./period";
import { recordSubscriptionChange } from "./record-change";

const alreadySubscribed = () =>
  new AppError(
    "conflict",
    "This organization already has a subscription. Use Manage Subscription to change it.",
    undefined,
    "already_subscribed",
  );

/**
 * Buys the org's one subscription. Payment is an internal ledger entry; the first period runs
 * one month or one year from now. The unique index on org_id decides concurrent purchases.
 */
export async function purchaseSubscription(actor: Actor, orgSlug: string, input: SubscriptionFormInput, { now = new Date() } = {}) {
  const { seats, billingCycle } = parseInput(subscriptionFormSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "subscription.manage", tx);
    await assertMayChangeSubscription(tx, actor);
    const [sub] = await tx
      .insert(t.subscriptions)
      .values({
        orgId: org.id,
        seats,
        billingCycle,
        status: "active",
        currentPeriodStart: now,
        currentPeriodEnd: addBillingPeriod(now, billingCycle),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!sub) throw alreadySubscribed();
    const change = `Subscription purchased: ${seats.toLocaleString("en")} seats, ${cycleLabels[billingCycle]}, until ${formatDate(sub.currentPeriodEnd)}.`;
    await recordSubscriptionChange(tx, actor, org, sub, [{ kind: "purchase" }], change);
    return { subscription: sub, message: change };
  });
}

import { and, eq, lte } from "drizzle-orm";
import { db, t } from "@/db";
import type { Organization, Subscription } from "@/db/schema";
import { anonymous, type Actor } from "@/lib/authz/actor";
import type { Tx } from "@/db";
import { assertMayChangeSubscription } from "../instance/instance-rules";
import { loadOrgAccess } from "../organizations/org-access";
import { lockSubscription } from "../seats/seat-usage";
import { formatDate } from "./notify-billing-managers";
import { addBillingPeriod } from "./period";
import { recordSubscriptionChange } from "./record-change";
import { noSubscriptionToManage } from "./update-subscription";

/**
 * Pays for the next period (an internal ledger entry) and moves the period forward: from the
 * current period's end, or from now when that end has already passed.
 */
async function renewLocked(tx: Tx, actor: Actor, org: Organization, current: Subscription, now: Date) {
  const start = current.currentPeriodEnd > now ? current.currentPeriodEnd : now;
  const [sub] = await tx
    .update(t.subscriptions)
    .set({ currentPeriodStart: start, currentPeriodEnd: addBillingPeriod(start, current.billingCycle), status: "active", updatedAt: now })
    .where(eq(t.subscriptions.id, current.id))
    .returning();
  const change = `Subscription renewed: the current period now ends ${formatDate(sub.currentPeriodEnd)}.`;
  await recordSubscriptionChange(
    tx,
    actor,
    org,
    sub,
    [{ kind: "renewal", metadata: { previousPeriodEnd: current.currentPeriodEnd.toISOString() } }],
    change,
  );
  return { subscription: sub, message: change };
}

/** Renew Now, by an admin or billing manager. */
export async function renewSubscription(actor: Actor, orgSlug: string, { now = new Date() } = {}) {
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "subscription.manage", tx);
    await assertMayChangeSubscription(tx, actor);
    const current = await lockSubscription(tx, org.id);
    if (!current) throw noSubscriptionToManage();
    return renewLocked(tx, actor, org, current, now);
  });
}

/**
 * The scheduled job: renews every active subscription whose period has ended, one transaction
 * each. Re-checks the end under the row lock, so two runs at once renew each one only once.
 */
export async function renewDueSubscriptions({ now = new Date() } = {}) {
  const due = await db()
    .select({ orgId: t.subscriptions.orgId })
    .from(t.subscriptions)
    .where(and(eq(t.subscriptions.status, "active"), lte(t.subscriptions.currentPeriodEnd, now)));
  let renewed = 0;
  for (const { orgId } of due) {
    await db().transaction(async (tx) => {
      const current = await lockSubscription(tx, orgId);
      if (!current || current.currentPeriodEnd > now) return;
      const [org] = await tx.select().from(t.organizations).where(eq(t.organizations.id, orgId));
      await renewLocked(tx, anonymous(), org, current, now);
      renewed++;
    });
  }
  return { renewed };
}

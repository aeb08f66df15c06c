import { desc, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";
import { getSeatUsage } from "../seats/seat-usage";

export const LEDGER_LIMIT = 100;

/** What the Subscription page shows: the subscription, seat usage, and the latest ledger entries. */
export async function getSubscriptionOverview(actor: Actor, orgSlug: string) {
  const { org } = await loadOrgAccess(actor, orgSlug, "subscription.read");
  const q = db();
  const [[subscription], usage, ledger] = await Promise.all([
    q.select().from(t.subscriptions).where(eq(t.subscriptions.orgId, org.id)).limit(1),
    getSeatUsage(q, org.id),
    q
      .select()
      .from(t.subscriptionLedger)
      .where(eq(t.subscriptionLedger.orgId, org.id))
      .orderBy(desc(t.subscriptionLedger.id))
      .limit(LEDGER_LIMIT),
  ]);
  const { total, assigned, reserved, available } = usage;
  return {
    org,
    subscription: subscription ?? null,
    seats: { total, assigned, reserved, available },
    ledger,
  };
}

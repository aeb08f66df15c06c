import { t, type Tx } from "@/db";
import type { Organization, Subscription } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { recordActivity } from "../activity/record-activity";
import { notifyBillingManagers } from "./notify-billing-managers";

export type LedgerKind = "purchase" | "seats_changed" | "cycle_changed" | "renewal";

/**
 * Every subscription change leaves three traces in its own transaction: a ledger entry (the
 * internal payment record), an activity entry, and an email to each billing manager.
 */
export async function recordSubscriptionChange(
  tx: Tx,
  actor: Actor,
  org: Organization,
  sub: Subscription,
  entries: Array<{ kind: LedgerKind; metadata?: Record<string, unknown> }>,
  change: string,
) {
  if (entries.length === 0) return;
  const actorLabel = actor.kind === "anonymous" ? "system" : actor.label;
  await tx.insert(t.subscriptionLedger).values(
    entries.map((e) => ({
      orgId: org.id,
      kind: e.kind,
      seats: sub.seats,
      billingCycle: sub.billingCycle,
      periodEnd: sub.currentPeriodEnd,
      actorLabel,
    })),
  );
  for (const e of entries) {
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: `subscription.${e.kind === "purchase" ? "purchased" : e.kind === "renewal" ? "renewed" : e.kind}`,
      target: { type: "subscription", id: sub.id, label: org.slug },
      metadata: { seats: sub.seats, billingCycle: sub.billingCycle, periodEnd: sub.currentPeriodEnd.toISOString(), ...e.metadata },
    });
  }
  await notifyBillingManagers(tx, actor, org, sub, change);
}

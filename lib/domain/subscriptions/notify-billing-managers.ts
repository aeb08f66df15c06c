import { and, eq, isNotNull } from "drizzle-orm";
import { t, type Tx } from "@/db";
import type { Organization, Subscription } from "@/db/schema";
import SubscriptionChangedEmail, { subscriptionChangedSubject } from "@/emails/subscription-changed";
import type { Actor } from "@/lib/authz/actor";
import { appUrl } from "@/lib/config";
import { enqueueEmails } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { cycleLabels } from "./period";

export const formatDate = (d: Date) => d.toLocaleDateString("en", { dateStyle: "long", timeZone: "UTC" });

/** Emails every billing manager of the org about a change, in the transaction that made it. */
export async function notifyBillingManagers(tx: Tx, actor: Actor, org: Organization, sub: Subscription, change: string) {
  const managers = await tx
    .select({ email: t.users.email })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.role, "billing_manager"), isNotNull(t.users.email)));
  if (managers.length === 0) return;
  const mail = await renderEmail(
    "subscription-changed",
    subscriptionChangedSubject(org.name),
    SubscriptionChangedEmail({
      orgName: org.name,
      change,
      seats: sub.seats,
      billingCycle: cycleLabels[sub.billingCycle],
      periodEnd: formatDate(sub.currentPeriodEnd),
      actorLabel: actor.kind === "anonymous" ? "automatic renewal" : actor.label,
      subscriptionUrl: `${appUrl()}/organizations/${org.slug}/subscription`,
    }),
  );
  await enqueueEmails(
    tx,
    managers.map((m) => ({ ...mail, to: m.email! })),
  );
}

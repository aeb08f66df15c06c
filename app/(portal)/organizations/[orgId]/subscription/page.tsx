import type { Metadata } from "next";
import { NoAccess } from "@/components/portal/no-access";
import { SubscriptionOverview } from "@/components/subscription/subscription-overview";
import { SubscriptionLedger } from "@/components/subscription/subscription-ledger";
import { PageHeader } from "@/components/ui/card";
import { instanceAllowances } from "@/lib/domain/instance/instance-rules";
import { getSubscriptionOverview } from "@/lib/domain/subscriptions/get-subscription";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Subscription" };

export default async function SubscriptionPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("subscription.read")) {
    return <NoAccess>Only Account Admins and Billing Managers can see the subscription.</NoAccess>;
  }
  const [{ subscription, seats, ledger }, allowances] = await Promise.all([
    getSubscriptionOverview(user, org.slug),
    instanceAllowances(user.userId),
  ]);
  return (
    <>
      <PageHeader title="Subscription" description="Seats, billing cycle and renewals. Payment is recorded in the ledger below." />
      <SubscriptionOverview
        orgId={org.slug}
        canManage={can("subscription.manage")}
        selfService={allowances.selfServicePurchase || allowances.instanceAdmin}
        seats={seats}
        subscription={
          subscription && {
            seats: subscription.seats,
            billingCycle: subscription.billingCycle,
            status: subscription.status,
            currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
          }
        }
      />
      <SubscriptionLedger
        entries={ledger.map((l) => ({
          id: l.id,
          kind: l.kind,
          seats: l.seats,
          billingCycle: l.billingCycle,
          periodEnd: l.periodEnd.toISOString(),
          actorLabel: l.actorLabel,
          createdAt: l.createdAt.toISOString(),
        }))}
      />
    </>
  );
}

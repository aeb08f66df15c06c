"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { renewSubscriptionAction } from "@/lib/actions/subscription";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { BillingCycle } from "@/db/schema";
import { SubscriptionForm } from "./subscription-form";

type Sub = { seats: number; billingCycle: BillingCycle; status: string; currentPeriodEnd: string };

const fmt = (iso: string) => new Date(iso).toLocaleDateString("en", { dateStyle: "long", timeZone: "UTC" });
const statusLabels: Record<string, string> = { active: "Active", lapsed: "Lapsed", canceled: "Canceled" };

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm font-medium text-zinc-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-zinc-900">{value}</dd>
    </div>
  );
}

export function SubscriptionOverview(props: {
  orgId: string;
  canManage: boolean;
  /** Off when the instance keeps purchases to its admins: the buttons then say whom to ask. */
  selfService?: boolean;
  seats: { total: number; assigned: number; reserved: number; available: number };
  subscription: Sub | null;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [renewing, setRenewing] = useState(false);
  const { subscription: sub, seats } = props;
  const label = sub ? "Manage Subscription" : "Purchase Subscription";

  const dialog = props.canManage && (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{label}</Button>
      </DialogTrigger>
      <DialogContent
        title={label}
        description={
          sub ? "Add seats at any time, or reduce them down to the number assigned." : "Choose how many seats and how often to pay."
        }
      >
        {open && props.selfService === false ? (
          <div className="space-y-4">
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              Subscriptions on this instance are managed by the instance admin. Contact your instance admin to{" "}
              {sub ? "change seats or the billing cycle" : "purchase a subscription"}.
            </p>
            <div className="flex justify-end">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Close
              </Button>
            </div>
          </div>
        ) : (
          open && (
            <SubscriptionForm
              orgId={props.orgId}
              mode={sub ? "manage" : "purchase"}
              defaults={{ seats: sub?.seats ?? 1, billingCycle: sub?.billingCycle ?? "monthly" }}
              assigned={seats.assigned}
              onDone={() => setOpen(false)}
            />
          )
        )}
      </DialogContent>
    </Dialog>
  );

  if (!sub) {
    return (
      <EmptyState title="This organization has no subscription yet">
        <p>Purchase one to get seats for your members.</p>
        {dialog ? <div className="mt-4">{dialog}</div> : <p className="mt-2">Only Account Admins and Billing Managers can purchase one.</p>}
      </EmptyState>
    );
  }

  return (
    <Card className="p-6">
      <dl className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Seats total" value={seats.total.toLocaleString("en")} />
        <Stat label="Seats assigned" value={seats.assigned.toLocaleString("en")} />
        <Stat label="Seats reserved by invitations" value={seats.reserved.toLocaleString("en")} />
        <Stat label="Seats available" value={seats.available.toLocaleString("en")} />
        <Stat label="Billing cycle" value={sub.billingCycle === "monthly" ? "Monthly" : "Yearly"} />
        <Stat label="Status" value={statusLabels[sub.status] ?? sub.status} />
        <Stat label="Current period end" value={fmt(sub.currentPeriodEnd)} />
      </dl>
      {props.canManage && (
        <div className="mt-6 flex flex-wrap gap-2 border-t border-zinc-200 pt-4">
          {dialog}
          {props.selfService !== false && (
            <Button variant="secondary" onClick={() => setRenewing(true)}>
              Renew Now
            </Button>
          )}
          <ConfirmDialog
            open={renewing}
            onOpenChange={setRenewing}
            title="Renew the subscription now?"
            description={`The next ${sub.billingCycle === "monthly" ? "month" : "year"} is recorded as paid in the ledger, and the period moves forward from ${fmt(sub.currentPeriodEnd)}.`}
            confirmLabel="Renew"
            onConfirm={async () => {
              const result = await renewSubscriptionAction(props.orgId);
              if (result.ok) toast.success(result.data.message);
              else toast.error(result.error);
              router.refresh();
            }}
          />
        </div>
      )}
    </Card>
  );
}

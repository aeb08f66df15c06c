"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { grantSubscriptionAction } from "@/lib/actions/instance";
import { grantSubscriptionSchema, type GrantSubscriptionInput } from "@/lib/validation/instance";
import { MAX_SEATS } from "@/lib/validation/subscriptions";

type Current = { seats: number; billingCycle: "monthly" | "yearly"; periodEnd: string } | null;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Grant Subscription (none yet) or Change Subscription: seats, cycle and the last day of the period. */
export function SubscriptionDialog({
  orgSlug,
  orgName,
  current,
  assigned,
}: {
  orgSlug: string;
  orgName: string;
  current: Current;
  assigned: number;
}) {
  const label = current ? "Change Subscription" : "Grant Subscription";
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<GrantSubscriptionInput>({
    resolver: zodResolver(grantSubscriptionSchema),
    defaultValues: {
      seats: current?.seats ?? Math.max(1, assigned),
      billingCycle: current?.billingCycle ?? "yearly",
      periodEnd: current?.periodEnd.slice(0, 10) ?? inDays(365),
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await grantSubscriptionAction(orgSlug, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) form.setError(field as keyof GrantSubscriptionInput, { message });
      if (!result.fields) setFormError(result.error);
      return;
    }
    toast.success(result.data.message);
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`${label}: ${orgName}`}
        description="No payment is taken. Billing managers are told by email, and the change is recorded."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={formError} />
          <Field
            id="grant-seats"
            label="Seats"
            error={errors.seats?.message}
            hint={`Whole number up to ${MAX_SEATS.toLocaleString("en")}${assigned > 0 ? `; at least ${assigned.toLocaleString("en")} (assigned now)` : ""}.`}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_SEATS}
              step={1}
              {...describedBy("grant-seats", errors.seats?.message, true)}
              {...form.register("seats", { valueAsNumber: true })}
            />
          </Field>
          <fieldset>
            <legend className="text-sm font-medium text-zinc-800">Billing cycle</legend>
            <div className="mt-2 flex gap-6">
              {(["monthly", "yearly"] as const).map((cycle) => (
                <label key={cycle} className="flex items-center gap-2 text-sm text-zinc-800">
                  <input type="radio" value={cycle} className="size-4 accent-indigo-600" {...form.register("billingCycle")} />
                  {cycle === "monthly" ? "Monthly" : "Yearly"}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="grant-period-end" label="Period end" error={errors.periodEnd?.message} hint="The last day of the period (UTC).">
            <Input type="date" {...describedBy("grant-period-end", errors.periodEnd?.message, true)} {...form.register("periodEnd")} />
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : label}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

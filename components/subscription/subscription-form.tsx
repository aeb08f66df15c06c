"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { purchaseSubscriptionAction, updateSubscriptionAction } from "@/lib/actions/subscription";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { MAX_SEATS, subscriptionFormSchema, type SubscriptionFormInput } from "@/lib/validation/subscriptions";

/** Seats and Monthly / Yearly, submitted with Confirm: the same form to purchase and to manage. */
export function SubscriptionForm(props: {
  orgId: string;
  mode: "purchase" | "manage";
  defaults: SubscriptionFormInput;
  assigned: number;
  onDone: () => void;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SubscriptionFormInput>({ resolver: zodResolver(subscriptionFormSchema), defaultValues: props.defaults });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const action = props.mode === "purchase" ? purchaseSubscriptionAction : updateSubscriptionAction;
    const result = await action(props.orgId, values);
    if (!result.ok) {
      if (result.fields?.seats) form.setError("seats", { message: result.fields.seats });
      else if (result.fields?.billingCycle) form.setError("billingCycle", { message: result.fields.billingCycle });
      else setFormError(result.error);
      return;
    }
    toast.success(result.data.message);
    props.onDone();
    router.refresh();
  });

  const seatsHint =
    props.mode === "manage" && props.assigned > 0
      ? `Whole number up to ${MAX_SEATS.toLocaleString("en")}; at least ${props.assigned.toLocaleString("en")} (seats assigned now).`
      : `Whole number from 1 to ${MAX_SEATS.toLocaleString("en")}.`;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="sub-seats" label="Seats" error={errors.seats?.message} hint={seatsHint}>
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_SEATS}
          step={1}
          autoFocus
          {...describedBy("sub-seats", errors.seats?.message, true)}
          {...form.register("seats", { valueAsNumber: true })}
        />
      </Field>
      <fieldset aria-describedby={errors.billingCycle ? "sub-cycle-error" : undefined}>
        <legend className="text-sm font-medium text-zinc-800">Billing cycle</legend>
        <div className="mt-2 flex gap-6">
          {(["monthly", "yearly"] as const).map((cycle) => (
            <label key={cycle} className="flex items-center gap-2 text-sm text-zinc-800">
              <input type="radio" value={cycle} className="size-4 accent-indigo-600" {...form.register("billingCycle")} />
              {cycle === "monthly" ? "Monthly" : "Yearly"}
            </label>
          ))}
        </div>
        {errors.billingCycle && (
          <p id="sub-cycle-error" role="alert" className="mt-1 text-xs font-medium text-red-700">
            {errors.billingCycle.message}
          </p>
        )}
      </fieldset>
      <p className="text-xs text-zinc-600">
        No card is charged: the purchase is recorded in the ledger. The period runs one month or one year from the purchase.
      </p>
      <div className="flex justify-end gap-2 pt-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Confirm"}
        </Button>
      </div>
    </form>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { startSsoAction } from "@/lib/actions/sso";
import { emailSchema } from "@/lib/validation/common";

const schema = z.object({ email: emailSchema });
type Values = z.input<typeof schema>;

export function SsoSignInForm({ returnTo }: { returnTo: string | null }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await startSsoAction({ email: values.email, ...(returnTo ? { callbackUrl: returnTo } : {}) });
    if (!result.ok) {
      if (result.fields?.email) form.setError("email", { message: result.fields.email });
      else setFormError(result.error);
      return;
    }
    // Off to the identity provider (another site): a full navigation, not a client route.
    setLeaving(true);
    window.location.assign(result.data.redirectUrl);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus {...describedBy("email", errors.email?.message)} {...form.register("email")} />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting || leaving}>
        {leaving ? "Redirecting…" : isSubmitting ? "Finding your organization…" : "Continue"}
      </Button>
    </form>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { TWO_FACTOR_REQUIRED } from "@/lib/auth/sign-in-errors";
import { signInSchema } from "@/lib/validation/auth";

type Values = z.input<typeof signInSchema>;

export function SignInForm({ returnTo, defaultEmail }: { returnTo: string; defaultEmail?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  // After the right password, an account with 2FA is asked for its code (or a recovery code).
  const [needCode, setNeedCode] = useState(false);
  const [code, setCode] = useState("");
  const form = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { email: defaultEmail ?? "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, ...(needCode ? { code } : {}), redirect: false });
    if (result?.error === TWO_FACTOR_REQUIRED) {
      setNeedCode(true);
      return;
    }
    if (!result || result.error) {
      // next-auth reports bad credentials as "CredentialsSignin"; other errors carry our message.
      setFormError(!result || result.error === "CredentialsSignin" ? "Invalid email or password." : result.error);
      return;
    }
    router.push(returnTo);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...describedBy("email", errors.email?.message)} {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input
          type="password"
          autoComplete="current-password"
          {...describedBy("password", errors.password?.message)}
          {...form.register("password")}
        />
      </Field>
      {needCode && (
        <Field id="code" label="Authentication Code" hint="The 6-digit code from your authenticator app, or a recovery code.">
          <Input
            autoFocus
            inputMode="text"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            {...describedBy("code", undefined, true)}
          />
        </Field>
      )}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign In"}
      </Button>
    </form>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { signUpAction } from "@/lib/actions/sign-up";

export function SignUpForm({ returnTo, lockedEmail }: { returnTo: string; lockedEmail?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: lockedEmail ?? "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signUpAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) {
        form.setError(field as keyof SignUpInput, { message });
      }
      if (!result.fields) setFormError(result.error);
      return;
    }
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (signedIn?.error) {
      setFormError("Your account was created, but signing in failed. Try signing in.");
      return;
    }
    toast.success("Welcome! Your account is ready.");
    router.push(returnTo);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="name" label="Name" error={errors.name?.message}>
        <Input autoComplete="name" {...describedBy("name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field
        id="email"
        label="Email"
        error={errors.email?.message}
        hint={lockedEmail ? "This is the address you were invited at." : undefined}
      >
        <Input
          type="email"
          autoComplete="email"
          readOnly={!!lockedEmail}
          className={lockedEmail ? "bg-zinc-100" : undefined}
          {...describedBy("email", errors.email?.message, !!lockedEmail)}
          {...form.register("email")}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message} hint="At least 8 characters.">
        <Input
          type="password"
          autoComplete="new-password"
          {...describedBy("password", errors.password?.message, true)}
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Creating account…" : "Sign Up"}
      </Button>
    </form>
  );
}

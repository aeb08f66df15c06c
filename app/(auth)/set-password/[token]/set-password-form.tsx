"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { passwordSchema } from "@/lib/validation/auth";
import { setPasswordAction } from "@/lib/actions/set-password";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) return setFieldError(parsed.error.issues[0].message);
    setFieldError(undefined);
    setBusy(true);
    const result = await setPasswordAction(token, { password });
    if (!result.ok) {
      setBusy(false);
      return result.fields?.password ? setFieldError(result.fields.password) : setFormError(result.error);
    }
    await signIn("credentials", { email, password, redirect: false });
    router.push("/organizations");
    router.refresh();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="email" label="Email">
        <Input id="email" value={email} readOnly className="bg-zinc-100" />
      </Field>
      <Field id="password" label="Password" error={fieldError} hint="At least 8 characters.">
        <Input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...describedBy("password", fieldError, true)}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Saving…" : "Set Password"}
      </Button>
    </form>
  );
}

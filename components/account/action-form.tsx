"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";

export type FormFieldSpec = {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
};

/**
 * A small form that calls one server action with its fields and shows the answer in place:
 * field errors under their fields, anything else above the form, success as a status line.
 */
export function ActionForm({
  fields,
  submitLabel,
  busyLabel,
  action,
  success,
  after,
  variant = "primary",
  resetOnSuccess = true,
}: {
  fields: FormFieldSpec[];
  submitLabel: string;
  busyLabel: string;
  action: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
  success?: string;
  after?: "refresh" | "signOut" | { redirect: string };
  variant?: "primary" | "danger" | "secondary";
  resetOnSuccess?: boolean;
}) {
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const initial = Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? ""]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    setDone(null);
    const result = await action(values);
    setBusy(false);
    if (!result.ok) {
      const fieldErrors = Object.fromEntries(Object.entries(result.fields ?? {}).filter(([k]) => k in values)) as Record<string, string>;
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setFormError(result.error);
      return;
    }
    if (resetOnSuccess) setValues(Object.fromEntries(fields.map((f) => [f.name, f.type === "password" ? "" : values[f.name]])));
    if (success) setDone(success);
    if (after === "signOut") await signOut({ callbackUrl: "/sign-in" });
    else if (after === "refresh") router.refresh();
    else if (after) router.push(after.redirect);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      {fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        return (
          <Field key={f.name} id={id} label={f.label} error={errors[f.name]} hint={f.hint}>
            <Input
              name={f.name}
              type={f.type ?? "text"}
              autoComplete={f.autoComplete}
              value={values[f.name]}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              {...describedBy(id, errors[f.name], !!f.hint)}
            />
          </Field>
        );
      })}
      {done && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">
          {done}
        </p>
      )}
      <Button type="submit" variant={variant} disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </Button>
    </form>
  );
}

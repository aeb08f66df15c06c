"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { checkOrgIdAction, createOrganizationAction } from "@/lib/actions/organizations";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { createOrganizationSchema, suggestOrgId, type CreateOrganizationInput } from "@/lib/validation/organizations";

type Availability = { orgId: string; available: boolean; message: string } | null;

export function NewOrganizationDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Form New Organization</Button>
      </DialogTrigger>
      <DialogContent
        title="Form New Organization"
        description="You will be its Account Admin. The Organization ID is part of its web address and cannot be changed later."
      >
        {open && <NewOrganizationForm />}
      </DialogContent>
    </Dialog>
  );
}

function NewOrganizationForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [availability, setAvailability] = useState<Availability>(null);
  const [idEdited, setIdEdited] = useState(false);
  const form = useForm<CreateOrganizationInput>({
    resolver: zodResolver(createOrganizationSchema),
    defaultValues: { name: "", orgId: "" },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const name = useWatch({ control: form.control, name: "name" });
  const orgId = useWatch({ control: form.control, name: "orgId" });

  // Suggest the ID from the name until the person types an ID of their own.
  useEffect(() => {
    if (!idEdited) form.setValue("orgId", suggestOrgId(name ?? ""), { shouldValidate: !!name });
  }, [name, form, idEdited]);

  // Live format and availability check, debounced.
  useEffect(() => {
    const value = (orgId ?? "").trim().toLowerCase();
    // An answer for another value is ignored below (`current`), so an empty field needs no reset.
    if (!value) return;
    const timer = setTimeout(() => {
      void checkOrgIdAction(value).then((result) => setAvailability({ orgId: value, ...result }));
    }, 300);
    return () => clearTimeout(timer);
  }, [orgId]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await createOrganizationAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) {
        form.setError(field as keyof CreateOrganizationInput, { message });
      }
      if (!result.fields) setFormError(result.error);
      return;
    }
    toast.success(`Organization ${values.name.trim()} created.`);
    router.push(`/organizations/${result.data.orgId}`);
  });

  const current = availability && availability.orgId === (orgId ?? "").trim().toLowerCase() ? availability : null;
  const idError = errors.orgId?.message ?? (current && !current.available ? current.message : undefined);
  const idHint = current?.available ? (
    <span className="text-emerald-700">{current.message}</span>
  ) : (
    "3–39 characters: a-z, 0-9 and hyphens."
  );
  const idField = form.register("orgId", { onChange: () => setIdEdited(true) });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="org-name" label="Organization Name" error={errors.name?.message}>
        <Input autoFocus {...describedBy("org-name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field id="org-id" label="Organization ID" error={idError} hint={idHint}>
        <Input autoCapitalize="none" spellCheck={false} {...describedBy("org-id", idError, true)} {...idField} />
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create Organization"}
        </Button>
      </div>
    </form>
  );
}

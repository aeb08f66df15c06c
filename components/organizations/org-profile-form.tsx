"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { renameOrganizationAction } from "@/app/(portal)/organizations/[orgId]/profile/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { renameOrganizationSchema } from "@/lib/validation/organizations";

type Values = z.input<typeof renameOrganizationSchema>;

export function OrgProfileForm(props: { orgId: string; name: string; createdAt: string; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(renameOrganizationSchema), values: { name: props.name } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await renameOrganizationAction(props.orgId, values);
    if (!result.ok) {
      if (result.fields?.name) form.setError("name", { message: result.fields.name });
      else toast.error(result.error);
      return;
    }
    toast.success(result.data.name === props.name ? "No changes to save." : `Organization renamed to ${result.data.name}.`);
    setEditing(false);
    router.refresh();
  });

  const cancel = () => {
    form.reset({ name: props.name });
    setEditing(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div className="grid flex-1 gap-6 sm:grid-cols-2">
          {editing && (
            <div className="sm:col-span-2">
              <Field id="org-name" label="Organization Name" error={errors.name?.message}>
                <Input autoFocus {...describedBy("org-name", errors.name?.message)} {...form.register("name")} />
              </Field>
            </div>
          )}
          <dl className="contents">
            {!editing && (
              <div className="sm:col-span-2">
                <dt className="text-sm font-medium text-zinc-600">Organization Name</dt>
                <dd className="mt-1 text-zinc-900">{props.name}</dd>
              </div>
            )}
            <div>
              <dt className="text-sm font-medium text-zinc-600">Organization ID</dt>
              <dd className="mt-1 font-mono text-sm text-zinc-900">{props.orgId}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-zinc-600">Created</dt>
              <dd className="mt-1 text-zinc-900">{new Date(props.createdAt).toLocaleDateString("en", { dateStyle: "long" })}</dd>
            </div>
          </dl>
        </div>
        {props.canEdit && !editing && (
          <Button type="button" variant="secondary" aria-label="Edit Organization" onClick={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden /> Edit
          </Button>
        )}
      </div>
      {editing && (
        <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4">
          <Button type="button" variant="secondary" onClick={cancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save Changes"}
          </Button>
        </div>
      )}
    </form>
  );
}

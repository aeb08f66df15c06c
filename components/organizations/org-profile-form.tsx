"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { saveOrgProfileAction } from "@/lib/actions/org-profile";
import { SettingSwitch } from "@/components/settings/setting-switch";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { orgSettingKeys, orgSettingLabels, updateOrgSettingsSchema } from "@/lib/validation/settings";

type Values = z.input<typeof updateOrgSettingsSchema>;

export type OrgProfileProps = {
  orgId: string;
  name: string;
  createdAt: string;
  cloudStorage: boolean;
  cloudNotebooks: boolean;
  canEdit: boolean;
};

/**
 * Org Profile: name, Organization ID (shown, never editable), created date and the two settings.
 * Edit Organization makes the name and the switches editable; Cancel restores the saved values.
 */
export function OrgProfileForm(props: OrgProfileProps) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const saved: Values = { name: props.name, cloudStorage: props.cloudStorage, cloudNotebooks: props.cloudNotebooks };
  const form = useForm<Values>({ resolver: zodResolver(updateOrgSettingsSchema), values: saved });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveOrgProfileAction(props.orgId, values);
    if (!result.ok) {
      if (result.fields?.name) form.setError("name", { message: result.fields.name });
      else toast.error(result.error);
      return;
    }
    if (result.data.changed) toast.success(result.data.message);
    else toast.info(result.data.message);
    setEditing(false);
    router.refresh();
  });

  const cancel = () => {
    form.reset(saved);
    setEditing(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Org Profile">
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
              {editing && <dd className="mt-1 text-xs text-zinc-600">The Organization ID never changes.</dd>}
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

      <fieldset className="border-t border-zinc-200 pt-4">
        <legend className="text-base font-semibold text-zinc-900">Settings</legend>
        <div className="divide-y divide-zinc-100">
          {orgSettingKeys.map((key) => (
            <Controller
              key={key}
              control={form.control}
              name={key}
              render={({ field }) => (
                <SettingSwitch
                  id={`setting-${key}`}
                  label={orgSettingLabels[key].label}
                  help={orgSettingLabels[key].help}
                  checked={!!field.value}
                  disabled={!editing}
                  onCheckedChange={field.onChange}
                />
              )}
            />
          ))}
        </div>
      </fieldset>

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

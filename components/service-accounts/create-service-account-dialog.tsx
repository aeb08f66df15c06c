"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { createServiceAccountAction } from "@/lib/actions/service-accounts";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createServiceAccountSchema } from "@/lib/validation/service-accounts";

type Values = z.input<typeof createServiceAccountSchema>;
type Created = { name: string; client_id: string; client_secret: string };

export function CreateServiceAccountDialog({ orgId }: { orgId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(createServiceAccountSchema), defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreated(null);
      form.reset();
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createServiceAccountAction(orgId, values);
    if (!result.ok) {
      if (result.fields?.name) form.setError("name", { message: result.fields.name });
      else toast.error(result.error);
      return;
    }
    setCreated(result.data);
    toast.success(`Service account ${result.data.name} created.`);
    router.refresh();
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Create Service Account</Button>
      </DialogTrigger>
      <DialogContent
        title={created ? "Copy the secret now" : "Create Service Account"}
        description={
          created
            ? "This is the only time the client secret is shown. Store it in your secret manager."
            : "Lower-case letters, digits, hyphens and underscores."
        }
      >
        {created ? (
          <div className="space-y-4">
            {(
              [
                ["Client ID", created.client_id],
                ["Client secret", created.client_secret],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <p className="text-sm font-medium text-zinc-800">{label}</p>
                <div className="mt-1 flex items-center gap-2">
                  <code className="flex-1 rounded bg-zinc-100 px-2 py-1.5 font-mono text-xs break-all text-zinc-900">{value}</code>
                  <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
                </div>
              </div>
            ))}
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <Field id="sa-name" label="Name" error={errors.name?.message}>
              <Input autoFocus placeholder="ci_pipeline" {...describedBy("sa-name", errors.name?.message)} {...form.register("name")} />
            </Field>
            <div className="flex justify-end">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Creating…" : "Create"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

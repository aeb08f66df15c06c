"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createWebhookAction, updateWebhookAction } from "@/lib/actions/webhooks";
import { WEBHOOK_EVENT_TYPES, webhookEventLabels, type WebhookEndpointJson, type WebhookEventType } from "@/lib/validation/webhooks";

/**
 * Add Endpoint (no `endpoint`) or Edit (with one). After adding, the dialog shows the signing
 * secret once, with a copy button: it is never shown again.
 */
export function WebhookFormDialog({ orgId, endpoint }: { orgId: string; endpoint?: WebhookEndpointJson }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const prefix = endpoint ? `edit-webhook-${endpoint.id.slice(0, 8)}` : "new-webhook";

  const onOpenChange = (next: boolean) => {
    if (next) {
      setUrl(endpoint?.url ?? "");
      setDescription(endpoint?.description ?? "");
      setEvents(endpoint?.event_types ?? []);
      setErrors({});
      setSecret(null);
    }
    setOpen(next);
  };

  // A field's message goes once the person changes that field.
  const clear = (prefix: string) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix))));
  const toggle = (type: WebhookEventType, on: boolean) => {
    clear("event_types");
    setEvents((list) => (on ? [...list, type] : list.filter((t) => t !== type)));
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const input = { url, description, event_types: events };
    const result = endpoint ? await updateWebhookAction(orgId, endpoint.id, input) : await createWebhookAction(orgId, input);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields ?? {});
      if (!result.fields) toast.error(result.error);
      return;
    }
    router.refresh();
    const created = result.data as { secret?: string };
    if (!endpoint && created.secret) {
      setSecret(created.secret);
      return;
    }
    toast.success("Endpoint saved.");
    setOpen(false);
  };

  const eventsError = errors.event_types ?? Object.entries(errors).find(([k]) => k.startsWith("event_types."))?.[1];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button
          variant={endpoint ? "secondary" : "primary"}
          size={endpoint ? "sm" : "md"}
          aria-label={endpoint ? `Edit ${endpoint.url}` : undefined}
        >
          {endpoint ? "Edit" : "Add Endpoint"}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={endpoint ? "Edit Endpoint" : "Add Endpoint"}
        description="Events are POSTed as JSON, signed with the endpoint's secret (Standard Webhooks)."
      >
        {secret ? (
          <div className="space-y-3">
            <p className="text-sm text-zinc-800">
              <strong>Signing secret</strong> — copy it now; it is not shown again. Verify each request&apos;s webhook-signature with it.
            </p>
            <label htmlFor="webhook-secret" className="sr-only">
              Signing secret
            </label>
            <div className="flex items-center gap-2">
              <Input id="webhook-secret" readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={secret} label="Copy signing secret" />
            </div>
            <div className="flex justify-end">
              <Button onClick={() => setOpen(false)}>Done</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <Field id={`${prefix}-url`} label="Endpoint URL" error={errors.url} hint="https:// on a public address.">
              <Input
                type="url"
                value={url}
                placeholder="https://hooks.example.com/portal"
                onChange={(e) => {
                  clear("url");
                  setUrl(e.target.value);
                }}
                {...describedBy(`${prefix}-url`, errors.url, true)}
              />
            </Field>
            <Field id={`${prefix}-description`} label="Description" error={errors.description}>
              <Input
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                {...describedBy(`${prefix}-description`, errors.description)}
              />
            </Field>
            <fieldset aria-describedby={eventsError ? `${prefix}-events-error` : undefined}>
              <legend className="text-sm font-medium text-zinc-800">Events</legend>
              <div className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1.5 sm:grid-cols-2">
                {WEBHOOK_EVENT_TYPES.map((type) => (
                  <label key={type} className="flex items-center gap-2 text-sm text-zinc-800">
                    <Checkbox checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
                    {webhookEventLabels[type]}
                  </label>
                ))}
              </div>
              {eventsError ? (
                <p id={`${prefix}-events-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
                  {eventsError}
                </p>
              ) : null}
            </fieldset>
            <div className="flex justify-end">
              <Button type="submit" disabled={busy}>
                {busy ? "Saving…" : endpoint ? "Save Changes" : "Add Endpoint"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteWebhookAction, updateWebhookAction } from "@/lib/actions/webhooks";
import { webhookEventLabels, type WebhookEndpointJson } from "@/lib/validation/webhooks";
import { WebhookFormDialog } from "./webhook-form-dialog";

export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpointJson }) {
  if (endpoint.enabled) return <Badge className="bg-green-100 text-green-800">Enabled</Badge>;
  return (
    <Badge className="bg-amber-100 text-amber-900">{endpoint.disabled_reason === "failing" ? "Disabled after failures" : "Disabled"}</Badge>
  );
}

/** One endpoint on Org Profile: what it receives, and Edit, Enable/Disable, Delete and its Delivery Log. */
export function WebhookEndpointRow({ orgId, endpoint }: { orgId: string; endpoint: WebhookEndpointJson }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    setBusy(true);
    const result = await updateWebhookAction(orgId, endpoint.id, { enabled: !endpoint.enabled });
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(endpoint.enabled ? "Endpoint disabled." : "Endpoint enabled.");
    router.refresh();
  };

  const remove = async () => {
    const result = await deleteWebhookAction(orgId, endpoint.id);
    if (!result.ok) return void toast.error(result.error);
    toast.success("Endpoint deleted.");
    router.refresh();
  };

  return (
    <li className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm break-all text-zinc-900">{endpoint.url}</span>
            <EndpointStatus endpoint={endpoint} />
          </div>
          {endpoint.description ? <p className="mt-1 text-sm text-zinc-700">{endpoint.description}</p> : null}
          <p className="mt-1 text-xs text-zinc-600">{endpoint.event_types.map((t) => webhookEventLabels[t]).join(", ")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="secondary" size="sm">
            <Link href={`/organizations/${orgId}/profile/webhooks/${endpoint.id}`} aria-label={`Delivery Log of ${endpoint.url}`}>
              Delivery Log
            </Link>
          </Button>
          <WebhookFormDialog orgId={orgId} endpoint={endpoint} />
          <Button
            variant="secondary"
            size="sm"
            onClick={toggle}
            disabled={busy}
            aria-label={`${endpoint.enabled ? "Disable" : "Enable"} ${endpoint.url}`}
          >
            {endpoint.enabled ? "Disable" : "Enable"}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={`Delete ${endpoint.url}`}>
            Delete
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete endpoint?"
        description={
          <>
            <span className="break-all">{endpoint.url}</span> stops receiving events at once; its delivery log is deleted too.
          </>
        }
        confirmLabel="Delete Endpoint"
        destructive
        onConfirm={remove}
      />
    </li>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { redeliverWebhookAction, sendTestWebhookAction } from "@/lib/actions/webhooks";
import type { WebhookDeliveryJson, WebhookEndpointJson } from "@/lib/validation/webhooks";
import { EndpointStatus } from "./webhook-endpoint-row";

const statusLook: Record<WebhookDeliveryJson["status"], [string, string]> = {
  pending: ["Pending", "bg-zinc-100 text-zinc-800"],
  succeeded: ["Succeeded", "bg-green-100 text-green-800"],
  failed: ["Failed", "bg-red-100 text-red-800"],
};

// Compact and unambiguous, so the seven columns fit beside the navigation at 1280 px.
const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : "—");

/**
 * One endpoint's deliveries: status, attempts, response code, duration and time; Send Test Event
 * and Redeliver. Only the status code and our own error text are shown: the receiver's answer
 * is never rendered here. While a delivery is pending the page refreshes itself.
 */
export function DeliveryLog({
  orgId,
  endpoint,
  deliveries,
  firstPage,
  firstPageHref,
  nextHref,
}: {
  orgId: string;
  endpoint: WebhookEndpointJson;
  deliveries: WebhookDeliveryJson[];
  firstPage: boolean;
  firstPageHref: string;
  nextHref: string | null;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const pending = deliveries.some((d) => d.status === "pending");

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [pending, router]);

  const sendTest = async () => {
    setBusy("test");
    const result = await sendTestWebhookAction(orgId, endpoint.id);
    setBusy(null);
    if (!result.ok) return void toast.error(result.error);
    toast.success("Test event queued.");
    router.refresh();
  };

  const redeliver = async (delivery: WebhookDeliveryJson) => {
    setBusy(delivery.id);
    const result = await redeliverWebhookAction(orgId, endpoint.id, delivery.id);
    setBusy(null);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`${delivery.event_type} queued again.`);
    router.refresh();
  };

  return (
    <>
      <Card className="mb-6 flex flex-wrap items-center justify-between gap-4 p-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm break-all text-zinc-900">{endpoint.url}</span>
            <EndpointStatus endpoint={endpoint} />
          </div>
          {endpoint.consecutive_failures > 0 ? (
            <p className="mt-1 text-xs text-zinc-600">{endpoint.consecutive_failures} failed attempts in a row.</p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => router.refresh()}>
            Refresh
          </Button>
          <Button onClick={sendTest} disabled={busy !== null || !endpoint.enabled}>
            {busy === "test" ? "Sending…" : "Send Test Event"}
          </Button>
        </div>
      </Card>
      {deliveries.length === 0 ? (
        <EmptyState title="No deliveries yet">Send a test event, or wait for a change the endpoint subscribes to.</EmptyState>
      ) : (
        <Table aria-label="Deliveries">
          <THead>
            <tr>
              <Th>Status</Th>
              <Th>Event</Th>
              <Th>Attempts</Th>
              <Th>Response</Th>
              <Th>Duration</Th>
              <Th>Time</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {deliveries.map((d) => {
              const [label, look] = statusLook[d.status];
              return (
                <tr key={d.id}>
                  <Td>
                    <Badge className={look}>{label}</Badge>
                  </Td>
                  <Td>
                    <div className="font-medium whitespace-nowrap">{d.event_type}</div>
                    <div className="font-mono text-xs break-all text-zinc-600">{d.event_id}</div>
                  </Td>
                  <Td className="tabular-nums">{d.attempts}</Td>
                  <Td>
                    <div className="tabular-nums">{d.response_code ?? "—"}</div>
                    {d.error ? <div className="max-w-xs text-xs text-zinc-600">{d.error}</div> : null}
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{d.duration_ms === null ? "—" : `${d.duration_ms} ms`}</Td>
                  <Td className="whitespace-nowrap">
                    <div>{when(d.last_attempt_at ?? d.created_at)}</div>
                    {d.status === "pending" && d.next_attempt_at ? (
                      <div className="text-xs text-zinc-600">Next try {when(d.next_attempt_at)}</div>
                    ) : null}
                  </Td>
                  <Td>
                    {d.status !== "pending" ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={() => redeliver(d)}
                        disabled={busy !== null || !endpoint.enabled}
                        aria-label={`Redeliver ${d.event_type} ${d.event_id}`}
                      >
                        Redeliver
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <nav aria-label="Pagination" className="mt-4 flex justify-end gap-2 text-sm">
        {!firstPage ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={firstPageHref}>Newest</Link>
          </Button>
        ) : null}
        {nextHref ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={nextHref}>Older</Link>
          </Button>
        ) : null}
      </nav>
    </>
  );
}

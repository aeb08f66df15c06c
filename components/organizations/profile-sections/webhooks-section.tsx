import { EmptyState, Card } from "@/components/ui/card";
import { WebhookEndpointRow } from "@/components/webhooks/webhook-endpoint-row";
import { WebhookFormDialog } from "@/components/webhooks/webhook-form-dialog";
import { requireSessionUser } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/domain/webhooks/list-endpoints";

// The "Webhooks" section of Org Profile (admins): endpoints that hear about the org's changes.
export async function WebhooksSection({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  if (!canManage) return null;
  const user = await requireSessionUser();
  const endpoints = await listWebhookEndpoints(user, orgId);
  return (
    <Card className="mt-6 p-6" id="webhooks">
      <section aria-labelledby="webhooks-heading">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 id="webhooks-heading" className="text-base font-semibold text-zinc-900">
              Webhooks
            </h2>
            <p className="mt-1 max-w-prose text-sm text-zinc-600">
              Tell your other systems (HR, billing, chat) about member, seat, token, invitation, channel and subscription changes as they
              happen. Each request is signed (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature) and retried for about a
              day when it fails. The delivery log keeps 30 days.
            </p>
          </div>
          <WebhookFormDialog orgId={orgId} />
        </div>
        {endpoints.length === 0 ? (
          <div className="mt-4">
            <EmptyState title="No endpoints yet">Add an endpoint URL and choose the events it should receive.</EmptyState>
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-zinc-100" aria-label="Webhook endpoints">
            {endpoints.map((endpoint) => (
              <WebhookEndpointRow key={endpoint.id} orgId={orgId} endpoint={endpoint} />
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

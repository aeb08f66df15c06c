import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { WEBHOOK_TEST_EVENT } from "@/lib/validation/webhooks";
import { wakeWebhookWorker } from "@/lib/webhooks/wake";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { buildPayload, newEventId } from "./enqueue-events";
import { loadEndpoint, toDeliveryJson } from "./load-endpoint";

const endpointOff = () => new AppError("conflict", "This endpoint is turned off. Enable it first.", undefined, "webhook_disabled");

/** Send Test Event: a webhook.test delivery to this endpoint only, through the same worker and log. */
export async function sendTestWebhookEvent(actor: Actor, orgSlug: string, id: string) {
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", tx);
    const endpoint = await loadEndpoint(tx, org.id, id);
    if (!endpoint.enabled) throw endpointOff();
    const payload = buildPayload(
      WEBHOOK_TEST_EVENT,
      org.slug,
      actor,
      { action: "webhook.test_sent", target: { type: "webhook", id: endpoint.id, label: endpoint.url }, metadata: { test: true } },
      new Date(),
    );
    const [delivery] = await tx
      .insert(t.webhookDeliveries)
      .values({ endpointId: endpoint.id, orgId: org.id, eventId: newEventId(), eventType: WEBHOOK_TEST_EVENT, payload })
      .returning();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "webhook.test_sent",
      target: { type: "webhook", id: endpoint.id, label: endpoint.url },
      metadata: { event_id: delivery.eventId },
    });
    wakeWebhookWorker();
    return toDeliveryJson(delivery);
  });
}

/**
 * Redeliver: the same delivery (same webhook-id and body, so a receiver that already has it can
 * tell) is queued again now, with a fresh set of retries. Refused while it is still pending.
 */
export async function redeliverWebhook(actor: Actor, orgSlug: string, id: string, deliveryId: string) {
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", tx);
    const endpoint = await loadEndpoint(tx, org.id, id);
    if (!endpoint.enabled) throw endpointOff();
    const [found] = !z.uuid().safeParse(deliveryId).success
      ? []
      : await tx
          .select()
          .from(t.webhookDeliveries)
          .where(and(eq(t.webhookDeliveries.endpointId, endpoint.id), eq(t.webhookDeliveries.id, deliveryId)))
          .for("update");
    if (!found) throw new AppError("not_found", "Delivery not found.");
    if (found.status === "pending")
      throw new AppError("conflict", "This delivery is still being attempted; wait for its outcome.", undefined, "delivery_pending");
    const [row] = await tx
      .update(t.webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, deliveredAt: null })
      .where(eq(t.webhookDeliveries.id, found.id))
      .returning();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "webhook.redelivered",
      target: { type: "webhook", id: endpoint.id, label: endpoint.url },
      metadata: { event_id: found.eventId, event_type: found.eventType, previous_status: found.status },
    });
    wakeWebhookWorker();
    return toDeliveryJson(row);
  });
}

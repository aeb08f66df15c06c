import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { t, type Queryable } from "@/db";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { WebhookDeliveryJson, WebhookEndpointJson, WebhookEventType } from "@/lib/validation/webhooks";

export const endpointNotFound = () => notFound("Webhook endpoint not found.");

/** The org's endpoint by id; another org's endpoint is as absent as one that never existed. */
export async function loadEndpoint(q: Queryable, orgId: string, id: string, { forUpdate = false } = {}): Promise<WebhookEndpointRow> {
  if (!z.uuid().safeParse(id).success) throw endpointNotFound();
  const query = q
    .select()
    .from(t.webhookEndpoints)
    .where(and(eq(t.webhookEndpoints.orgId, orgId), eq(t.webhookEndpoints.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw endpointNotFound();
  return row;
}

export function toEndpointJson(row: WebhookEndpointRow): WebhookEndpointJson {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.eventTypes as WebhookEventType[],
    enabled: row.enabled,
    disabled_reason: row.enabled ? null : row.disabledReason === "failing" ? "failing" : "manual",
    consecutive_failures: row.consecutiveFailures,
    created_at: row.createdAt.toISOString(),
  };
}

export function toDeliveryJson(row: WebhookDeliveryRow): WebhookDeliveryJson {
  return {
    id: row.id,
    event_id: row.eventId,
    event_type: row.eventType,
    status: row.status as WebhookDeliveryJson["status"],
    attempts: row.attempts,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    last_attempt_at: row.lastAttemptAt?.toISOString() ?? null,
    response_code: row.lastResponseCode,
    response_snippet: row.lastResponseSnippet,
    duration_ms: row.lastDurationMs,
    error: row.lastError,
    created_at: row.createdAt.toISOString(),
  };
}

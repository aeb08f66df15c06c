import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { t, type Tx } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import type { ActivityAction } from "@/lib/validation/activity";
import type { WebhookPayload } from "@/lib/validation/webhooks";
import { wakeWebhookWorker } from "@/lib/webhooks/wake";
import { EVENT_OF_ACTION } from "./event-types";

/** What recordActivities knows about one change (the same shape as its input). */
export type ActivityFact = {
  orgId?: string | null;
  action: ActivityAction;
  target?: { type: string; id: string; label?: string | null };
  metadata?: Record<string, unknown>;
};

// Above this many deliveries the rows travel as one JSON parameter (bind-parameter limit).
const PLAIN_INSERT_MAX = 200;

/** A Standard Webhooks message id: the webhook-id header, the same on every retry. */
export const newEventId = () => `msg_${randomBytes(18).toString("base64url")}`;

export function actorJson(actor: Actor): WebhookPayload["data"]["actor"] {
  if (actor.kind === "anonymous") return { type: "system", id: null, label: null };
  const id = actor.kind === "user" ? actor.userId : actor.kind === "service_account" ? actor.serviceAccountId : null;
  return { type: actor.kind, id, label: actor.label };
}

/** `orgSlug` is the Organization ID, as in every API path; the internal id never leaves. */
export function buildPayload(type: string, orgSlug: string, actor: Actor, fact: Omit<ActivityFact, "orgId">, at: Date): WebhookPayload {
  return {
    type,
    timestamp: at.toISOString(),
    data: {
      organization: { id: orgSlug },
      action: fact.action,
      actor: actorJson(actor),
      target: fact.target ? { type: fact.target.type, id: fact.target.id, label: fact.target.label ?? null } : null,
      details: fact.metadata ?? {},
    },
  };
}

/**
 * Called by recordActivities in the transaction of every change: one delivery row per enabled
 * endpoint of the org that subscribes to the event, so a delivery exists exactly when the change
 * commits. Changes that map to no event, or orgs without endpoints, cost one indexed look-up at
 * most (none for account and instance actions).
 */
export async function enqueueWebhookEvents(tx: Tx, actor: Actor, facts: ActivityFact[]) {
  const mapped = facts.flatMap((fact) => {
    const type = EVENT_OF_ACTION[fact.action];
    return type && fact.orgId ? [{ fact, type, orgId: fact.orgId }] : [];
  });
  if (mapped.length === 0) return;
  const orgIds = [...new Set(mapped.map((m) => m.orgId))];
  const endpoints = await tx
    .select({
      id: t.webhookEndpoints.id,
      orgId: t.webhookEndpoints.orgId,
      eventTypes: t.webhookEndpoints.eventTypes,
      slug: t.organizations.slug,
    })
    .from(t.webhookEndpoints)
    .innerJoin(t.organizations, eq(t.organizations.id, t.webhookEndpoints.orgId))
    .where(and(inArray(t.webhookEndpoints.orgId, orgIds), eq(t.webhookEndpoints.enabled, true)));
  if (endpoints.length === 0) return;
  const at = new Date();
  const rows = mapped.flatMap(({ fact, type, orgId }) => {
    const mine = endpoints.filter((e) => e.orgId === orgId && e.eventTypes.includes(type));
    if (mine.length === 0) return [];
    const payload = buildPayload(type, mine[0].slug, actor, fact, at);
    return mine.map((e) => ({ endpointId: e.id, orgId, eventId: newEventId(), eventType: type, payload }));
  });
  if (rows.length === 0) return;
  if (rows.length <= PLAIN_INSERT_MAX) await tx.insert(t.webhookDeliveries).values(rows);
  else
    await tx.execute(sql`
      insert into webhook_deliveries (endpoint_id, org_id, event_id, event_type, payload)
      select x."endpointId", x."orgId", x."eventId", x."eventType", x.payload
      from json_to_recordset(${JSON.stringify(rows)}::json) as x("endpointId" uuid, "orgId" uuid, "eventId" text, "eventType" text, payload jsonb)`);
  wakeWebhookWorker();
}

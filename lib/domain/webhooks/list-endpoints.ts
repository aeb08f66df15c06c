import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { deliveryCursorSchema, type WebhookDeliveryJson } from "@/lib/validation/webhooks";
import { loadOrgAccess } from "../organizations/org-access";
import { loadEndpoint, toDeliveryJson, toEndpointJson } from "./load-endpoint";

/** The org's endpoints, oldest first (never their secrets). */
export async function listWebhookEndpoints(actor: Actor, orgSlug: string) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", q);
  const rows = await q
    .select()
    .from(t.webhookEndpoints)
    .where(eq(t.webhookEndpoints.orgId, org.id))
    .orderBy(asc(t.webhookEndpoints.createdAt));
  return rows.map(toEndpointJson);
}

export async function getWebhookEndpoint(actor: Actor, orgSlug: string, id: string) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", q);
  return toEndpointJson(await loadEndpoint(q, org.id, id));
}

export const DELIVERY_PAGE_SIZE = 25;

/**
 * One endpoint's delivery log, newest first, a page at a time. The cursor is the last row's
 * creation time (microseconds, as stored) and id, so rows added meanwhile never shift a page.
 */
export async function listWebhookDeliveries(
  actor: Actor,
  orgSlug: string,
  id: string,
  { cursor, limit = DELIVERY_PAGE_SIZE }: { cursor?: string; limit?: number } = {},
): Promise<{ data: WebhookDeliveryJson[]; next_cursor: string | null }> {
  const parsed = deliveryCursorSchema.safeParse(cursor || undefined);
  if (!parsed.success)
    throw new AppError("validation", "Use the next_cursor of the previous page.", { cursor: "Use the next_cursor of the previous page." });
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", q);
  const endpoint = await loadEndpoint(q, org.id, id);
  const d = t.webhookDeliveries;
  let after;
  if (parsed.data) {
    const [micros, lastId] = parsed.data.split(".");
    after = sql`(${d.createdAt}, ${d.id}) < (timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${lastId}::uuid)`;
  }
  const rows = await q
    .select({ row: d, micros: sql<string>`(extract(epoch from ${d.createdAt}) * 1000000)::bigint::text` })
    .from(d)
    .where(and(eq(d.endpointId, endpoint.id), after))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => toDeliveryJson(r.row)),
    next_cursor: rows.length > limit && last ? `${last.micros}.${last.row.id}` : null,
  };
}

// The webhook routes in the API authorization matrix (lib/http/api-authorization.db.test.ts):
// each makes the endpoint (and delivery) it acts on first. Account Admins only (saAllowed: false).
import { eq } from "drizzle-orm";
import * as deliveries from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/deliveries/route";
import * as redeliver from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver/route";
import * as test from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/test/route";
import * as webhook from "@/app/api/organizations/[orgId]/webhooks/[webhookId]/route";
import * as webhooks from "@/app/api/organizations/[orgId]/webhooks/route";
import { db, t } from "@/db";
import { createWebhookEndpoint } from "@/lib/domain/webhooks/create-endpoint";
import { sendTestWebhookEvent } from "@/lib/domain/webhooks/send-test-event";
import type { createApiOrg } from "./api";

type Home = Awaited<ReturnType<typeof createApiOrg>>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// A public address literal: it passes the SSRF guard without DNS, and no worker runs in these tests.
export const PUBLIC_HOOK_URL = "https://93.184.216.34/portal-hook";
const base = "/api/organizations/{orgId}/webhooks";

async function anEndpoint(home: Home) {
  const { id } = await createWebhookEndpoint(home.admin, home.org.slug, { url: PUBLIC_HOOK_URL, event_types: ["seat.assigned"] });
  return { params: { webhookId: id } };
}

async function aFinishedDelivery(home: Home) {
  const { params } = await anEndpoint(home);
  const delivery = await sendTestWebhookEvent(home.admin, home.org.slug, params.webhookId);
  await db().update(t.webhookDeliveries).set({ status: "failed" }).where(eq(t.webhookDeliveries.id, delivery.id));
  return { params: { ...params, deliveryId: delivery.id } };
}

export const webhookCalls: Array<{
  name: string;
  path: string;
  handler: Handler;
  method: string;
  body?: unknown;
  saAllowed: false;
  prepare?: (home: Home) => Promise<{ params?: Record<string, string>; body?: unknown }>;
}> = [
  { name: "GET webhooks", path: base, handler: webhooks.GET, method: "GET", saAllowed: false },
  {
    name: "POST webhooks",
    path: base,
    handler: webhooks.POST,
    method: "POST",
    body: { url: PUBLIC_HOOK_URL, event_types: ["member.added"] },
    saAllowed: false,
  },
  {
    name: "GET webhooks/{webhookId}",
    path: `${base}/{webhookId}`,
    handler: webhook.GET,
    method: "GET",
    saAllowed: false,
    prepare: anEndpoint,
  },
  {
    name: "PATCH webhooks/{webhookId}",
    path: `${base}/{webhookId}`,
    handler: webhook.PATCH,
    method: "PATCH",
    body: { enabled: false },
    saAllowed: false,
    prepare: anEndpoint,
  },
  {
    name: "DELETE webhooks/{webhookId}",
    path: `${base}/{webhookId}`,
    handler: webhook.DELETE,
    method: "DELETE",
    saAllowed: false,
    prepare: anEndpoint,
  },
  {
    name: "GET webhooks/{webhookId}/deliveries",
    path: `${base}/{webhookId}/deliveries`,
    handler: deliveries.GET,
    method: "GET",
    saAllowed: false,
    prepare: anEndpoint,
  },
  {
    name: "POST webhooks/{webhookId}/test",
    path: `${base}/{webhookId}/test`,
    handler: test.POST,
    method: "POST",
    saAllowed: false,
    prepare: anEndpoint,
  },
  {
    name: "POST webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
    path: `${base}/{webhookId}/deliveries/{deliveryId}/redeliver`,
    handler: redeliver.POST,
    method: "POST",
    saAllowed: false,
    prepare: aFinishedDelivery,
  },
];

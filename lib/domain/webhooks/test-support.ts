// Test-only: the webhook use cases for the table that checks every mutation records activity.
import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { createTestOrg } from "../members/test-support";
import { createWebhookEndpoint } from "./create-endpoint";
import { deleteWebhookEndpoint } from "./delete-endpoint";
import { redeliverWebhook, sendTestWebhookEvent } from "./send-test-event";
import { updateWebhookEndpoint } from "./update-endpoint";

type WebhookCase = {
  useCase: string;
  kind: "user";
  actions: string[];
  setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }>;
};

// A public address literal: it passes the SSRF guard without DNS, and no worker runs in these tests.
const URL = "https://93.184.216.34/audit-hook";

const adminWith = (make: (admin: Actor, slug: string, endpointId: string) => Promise<() => Promise<unknown>>) => async () => {
  const { org, admin } = await createTestOrg("Hooked");
  const { id } = await createWebhookEndpoint(admin, org.slug, { url: URL, event_types: ["seat.assigned"] });
  return { actor: admin as Actor, act: await make(admin, org.slug, id) };
};

export const webhookCases: WebhookCase[] = [
  {
    useCase: "createWebhookEndpoint",
    kind: "user",
    actions: ["webhook.created"],
    setup: async () => {
      const { org, admin } = await createTestOrg("Hooks");
      return { actor: admin, act: () => createWebhookEndpoint(admin, org.slug, { url: URL, event_types: ["member.added"] }) };
    },
  },
  {
    useCase: "updateWebhookEndpoint",
    kind: "user",
    actions: ["webhook.updated"],
    setup: adminWith(async (admin, slug, id) => () => updateWebhookEndpoint(admin, slug, id, { enabled: false })),
  },
  {
    useCase: "deleteWebhookEndpoint",
    kind: "user",
    actions: ["webhook.deleted"],
    setup: adminWith(async (admin, slug, id) => () => deleteWebhookEndpoint(admin, slug, id)),
  },
  {
    useCase: "sendTestWebhookEvent",
    kind: "user",
    actions: ["webhook.test_sent"],
    setup: adminWith(async (admin, slug, id) => () => sendTestWebhookEvent(admin, slug, id)),
  },
  {
    useCase: "redeliverWebhook",
    kind: "user",
    actions: ["webhook.redelivered"],
    setup: adminWith(async (admin, slug, id) => {
      const delivery = await sendTestWebhookEvent(admin, slug, id);
      await db().update(t.webhookDeliveries).set({ status: "failed" }).where(eq(t.webhookDeliveries.id, delivery.id));
      return () => redeliverWebhook(admin, slug, id, delivery.id);
    }),
  },
];

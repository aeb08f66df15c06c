import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { createTestOrg } from "@/lib/domain/members/test-support";
import { createWebhookEndpoint } from "@/lib/domain/webhooks/create-endpoint";
import { sendTestWebhookEvent } from "@/lib/domain/webhooks/send-test-event";
import { useTestDatabase } from "@/test/db";
import { DELIVERY_RETENTION_MS, sweepWebhookDeliveries } from "./retention";

useTestDatabase();
beforeEach(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
  resetConfig();
});
afterEach(() => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  resetConfig();
});

describe("delivery log retention", () => {
  it("sweeps finished deliveries older than 30 days and keeps recent and pending ones", async () => {
    const { org, admin } = await createTestOrg("Keep");
    const { id } = await createWebhookEndpoint(admin, org.slug, { url: "http://127.0.0.1:9/x", event_types: ["seat.assigned"] });
    const make = async (status: string, ageMs: number) => {
      const d = await sendTestWebhookEvent(admin, org.slug, id);
      await db()
        .update(t.webhookDeliveries)
        .set({ status, createdAt: new Date(Date.now() - ageMs) })
        .where(eq(t.webhookDeliveries.id, d.id));
      return d.id;
    };
    const oldOk = await make("succeeded", DELIVERY_RETENTION_MS + 60_000);
    const oldFailed = await make("failed", DELIVERY_RETENTION_MS + 60_000);
    const oldPending = await make("pending", DELIVERY_RETENTION_MS + 60_000);
    const recent = await make("succeeded", 60_000);
    expect(await sweepWebhookDeliveries()).toBe(2);
    const left = (await db().select({ id: t.webhookDeliveries.id }).from(t.webhookDeliveries)).map((r) => r.id).sort();
    expect(left).toEqual([oldPending, recent].sort());
    expect(left).not.toContain(oldOk);
    expect(left).not.toContain(oldFailed);
  });
});

import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { recordActivity } from "@/lib/domain/activity/record-activity";
import { addManyMembers, addTestMember, createTestOrg, giveSubscription, serviceAccountOf } from "@/lib/domain/members/test-support";
import { assignSeats } from "@/lib/domain/seats/assign-seats";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { createWebhookEndpoint, MAX_ENDPOINTS_PER_ORG } from "./create-endpoint";
import { deleteWebhookEndpoint } from "./delete-endpoint";
import { getWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints } from "./list-endpoints";
import { openWebhookSecret } from "./secret";
import { redeliverWebhook, sendTestWebhookEvent } from "./send-test-event";
import { updateWebhookEndpoint } from "./update-endpoint";

useTestDatabase();
const code = (err: unknown) => (err instanceof AppError ? `${err.code}:${err.reason ?? ""}` : String(err));
const URL_A = "http://127.0.0.1:9/a";

beforeEach(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
  resetConfig();
});
afterEach(() => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  resetConfig();
});

const deliveriesOf = (endpointId: string) => db().select().from(t.webhookDeliveries).where(eq(t.webhookDeliveries.endpointId, endpointId));

describe("webhook endpoints", () => {
  it("shows the whsec_ secret once, stores it sealed, and lets only the org's Account Admins manage endpoints", async () => {
    const { org, admin } = await createTestOrg("Wh");
    const created = await createWebhookEndpoint(admin, org.slug, {
      url: URL_A,
      event_types: ["seat.assigned", "seat.assigned"],
      description: " HR ",
    });
    expect(created).toMatchObject({ url: URL_A, event_types: ["seat.assigned"], description: "HR", enabled: true, disabled_reason: null });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [row] = await db().select().from(t.webhookEndpoints).where(eq(t.webhookEndpoints.id, created.id));
    expect(row.secretSealed).not.toContain(created.secret.slice(6));
    expect(openWebhookSecret(row.secretSealed)).toBe(created.secret);
    const listed = await listWebhookEndpoints(admin, org.slug);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    expect(await getWebhookEndpoint(admin, org.slug, created.id)).toEqual(listed[0]);

    for (const role of ["member", "billing_manager"] as const) {
      const someone = await addTestMember(org, role);
      expect(code(await rejectionOf(listWebhookEndpoints(someone, org.slug)))).toBe("forbidden:");
      expect(code(await rejectionOf(createWebhookEndpoint(someone, org.slug, { url: URL_A, event_types: ["seat.assigned"] })))).toBe(
        "forbidden:",
      );
    }
    expect(code(await rejectionOf(listWebhookEndpoints(serviceAccountOf(org), org.slug)))).toBe("forbidden:");
    // Another org's admin cannot see or touch it: the endpoint does not exist for them.
    const other = await createTestOrg("Other");
    expect(code(await rejectionOf(getWebhookEndpoint(other.admin, other.org.slug, created.id)))).toBe("not_found:");
    expect(code(await rejectionOf(deleteWebhookEndpoint(other.admin, other.org.slug, created.id)))).toBe("not_found:");
    expect(code(await rejectionOf(updateWebhookEndpoint(other.admin, other.org.slug, "not-a-uuid", { enabled: false })))).toBe(
      "not_found:",
    );
    expect(code(await rejectionOf(getWebhookEndpoint(other.admin, org.slug, created.id)))).toBe("not_found:");
  });

  it("validates input and bounds the number of endpoints", async () => {
    const { org, admin } = await createTestOrg("Val");
    const bad = async (input: unknown) => (await rejectionOf(createWebhookEndpoint(admin, org.slug, input))) as AppError;
    expect((await bad({ url: "javascript:alert(1)", event_types: ["seat.assigned"] })).fields).toHaveProperty("url");
    expect((await bad({ url: URL_A, event_types: [] })).fields).toHaveProperty("event_types");
    expect((await bad({ url: URL_A, event_types: ["nope"] })).fields).toHaveProperty(["event_types.0"]);
    expect((await bad({ url: URL_A, event_types: ["seat.assigned"], description: "a\u0000b" })).fields).toHaveProperty("description");
    expect((await bad({ url: "https://user:pw@example.com/", event_types: ["seat.assigned"] })).fields).toHaveProperty("url");
    for (let i = 0; i < MAX_ENDPOINTS_PER_ORG; i++)
      await createWebhookEndpoint(admin, org.slug, { url: URL_A, event_types: ["seat.assigned"] });
    expect(code(await bad({ url: URL_A, event_types: ["seat.assigned"] }))).toBe("conflict:too_many_webhooks");
  });

  it("edits, turns off and on, and deletes an endpoint, recording each change", async () => {
    const { org, admin } = await createTestOrg("Edit");
    const { id } = await createWebhookEndpoint(admin, org.slug, { url: URL_A, event_types: ["seat.assigned"] });
    expect(await updateWebhookEndpoint(admin, org.slug, id, { url: "http://127.0.0.1:9/b", event_types: ["token.issued"] })).toMatchObject({
      url: "http://127.0.0.1:9/b",
      event_types: ["token.issued"],
    });
    expect(await updateWebhookEndpoint(admin, org.slug, id, { enabled: false })).toMatchObject({
      enabled: false,
      disabled_reason: "manual",
    });
    expect(await updateWebhookEndpoint(admin, org.slug, id, { enabled: true })).toMatchObject({ enabled: true, disabled_reason: null });
    await deleteWebhookEndpoint(admin, org.slug, id);
    expect(await listWebhookEndpoints(admin, org.slug)).toEqual([]);
    const actions = await db()
      .select({ action: t.activity.action })
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.targetId, id)));
    expect(actions.map((a) => a.action)).toEqual([
      "webhook.created",
      "webhook.updated",
      "webhook.updated",
      "webhook.updated",
      "webhook.deleted",
    ]);
  });
});

describe("events from recorded activity", () => {
  it("enqueues one delivery per subscribed, enabled endpoint in the transaction of the change (bulk path included)", async () => {
    const { org, admin } = await createTestOrg("Bulk");
    await giveSubscription(org, 300);
    const seats = await createWebhookEndpoint(admin, org.slug, { url: URL_A, event_types: ["seat.assigned"] });
    const tokens = await createWebhookEndpoint(admin, org.slug, { url: URL_A, event_types: ["token.issued"] });
    const off = await createWebhookEndpoint(admin, org.slug, { url: URL_A, event_types: ["seat.assigned"] });
    await updateWebhookEndpoint(admin, org.slug, off.id, { enabled: false });
    const other = await createTestOrg("Else");
    const elsewhere = await createWebhookEndpoint(other.admin, other.org.slug, { url: URL_A, event_types: ["seat.assigned"] });

    // 250 seats in one call: more than the plain-insert batch, so the set-based path runs.
    const userIds = await addManyMembers(org, 250);
    await assignSeats(admin, org.slug, { userIds }, { sendEmail: false });
    const rows = await deliveriesOf(seats.id);
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(250);
    expect(rows[0]).toMatchObject({ eventType: "seat.assigned", status: "pending", attempts: 0, orgId: org.id });
    expect(rows[0].payload).toMatchObject({
      type: "seat.assigned",
      data: { organization: { id: org.slug }, action: "seat.assigned", actor: { type: "user", id: admin.userId } },
    });
    expect((rows[0].payload as { data: { target: { type: string } } }).data.target.type).toBe("user");
    expect(await deliveriesOf(tokens.id)).toHaveLength(0);
    expect(await deliveriesOf(off.id)).toHaveLength(0);
    expect(await deliveriesOf(elsewhere.id)).toHaveLength(0);

    // A change that rolls back leaves no delivery behind.
    await rejectionOf(
      db().transaction(async (tx) => {
        await recordActivity(tx, admin, { orgId: org.id, action: "seat.assigned", target: { type: "user", id: "x" } });
        throw new Error("rolled back");
      }),
    );
    expect(await deliveriesOf(seats.id)).toHaveLength(250);
    // Actions that map to no event (and webhook changes themselves) send nothing.
    await db().transaction((tx) =>
      recordActivity(tx, admin, { orgId: org.id, action: "group.created", target: { type: "group", id: "g" } }),
    );
    expect(await db().$count(t.webhookDeliveries, eq(t.webhookDeliveries.orgId, org.id))).toBe(250);
  });

  it("sends a test event, pages the delivery log, and redelivers a finished delivery with the same webhook-id", async () => {
    const { org, admin } = await createTestOrg("Log");
    const { id } = await createWebhookEndpoint(admin, org.slug, { url: URL_A, event_types: ["member.added"] });
    const test = await sendTestWebhookEvent(admin, org.slug, id);
    expect(test).toMatchObject({ event_type: "webhook.test", status: "pending", attempts: 0 });
    for (let i = 0; i < 30; i++)
      await db().transaction((tx) =>
        recordActivity(tx, admin, { orgId: org.id, action: "member.added", target: { type: "user", id: `u${i}` } }),
      );
    const first = await listWebhookDeliveries(admin, org.slug, id);
    expect(first.data).toHaveLength(25);
    const second = await listWebhookDeliveries(admin, org.slug, id, { cursor: first.next_cursor! });
    expect(second.data).toHaveLength(6);
    expect(second.next_cursor).toBeNull();
    expect(new Set([...first.data, ...second.data].map((d) => d.id)).size).toBe(31);
    expect(second.data.at(-1)!.event_type).toBe("webhook.test");
    expect(code(await rejectionOf(listWebhookDeliveries(admin, org.slug, id, { cursor: "x'; drop table" })))).toBe("validation:");

    // Still pending: refused; once failed: queued again now, same event id, fresh attempts.
    expect(code(await rejectionOf(redeliverWebhook(admin, org.slug, id, test.id)))).toBe("conflict:delivery_pending");
    await db().update(t.webhookDeliveries).set({ status: "failed", attempts: 8 }).where(eq(t.webhookDeliveries.id, test.id));
    const again = await redeliverWebhook(admin, org.slug, id, test.id);
    expect(again).toMatchObject({ id: test.id, event_id: test.event_id, status: "pending", attempts: 0 });
    expect(code(await rejectionOf(redeliverWebhook(admin, org.slug, id, "not-a-uuid")))).toBe("not_found:");
    const other = await createTestOrg("Nosy");
    expect(code(await rejectionOf(redeliverWebhook(other.admin, other.org.slug, id, test.id)))).toBe("not_found:");
    expect(code(await rejectionOf(listWebhookDeliveries(other.admin, other.org.slug, id)))).toBe("not_found:");
  });
});

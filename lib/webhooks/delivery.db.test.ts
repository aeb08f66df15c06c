import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { db, t } from "@/db";
import { setDbHandle } from "@/db/client";
import { resetConfig } from "@/lib/config";
import { recordActivity } from "@/lib/domain/activity/record-activity";
import { createTestOrg, type TestOrg } from "@/lib/domain/members/test-support";
import { createWebhookEndpoint } from "@/lib/domain/webhooks/create-endpoint";
import { DISABLE_AFTER_MS } from "@/lib/domain/webhooks/disable-failing-endpoint";
import { sendTestWebhookEvent } from "@/lib/domain/webhooks/send-test-event";
import { updateWebhookEndpoint } from "@/lib/domain/webhooks/update-endpoint";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { claimDueWebhooks, deliverDueWebhooks, LEASE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./delivery-worker";
import { startAServer, startReceiver, type AServer, type Receiver } from "./test-support";

const testDb = useTestDatabase();
let receiver: Receiver;
let secret: string | undefined;
let dnsServer: AServer;

beforeAll(async () => {
  receiver = await startReceiver(() => secret);
  dnsServer = await startAServer();
});
afterAll(async () => {
  await receiver.close();
  await dnsServer.close();
});
beforeEach(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
  resetConfig();
  receiver.receipts.length = 0;
  receiver.plan.length = 0;
  await db().delete(t.webhookDeliveries);
  await db().delete(t.webhookEndpoints);
});
afterEach(() => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  delete process.env.DNS_SERVERS;
  resetConfig();
  vi.restoreAllMocks();
});

const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);
const deliveries = () => db().select().from(t.webhookDeliveries);
const reason = (err: unknown) => (err instanceof AppError ? `${err.code}:${err.reason ?? ""}:${err.message}` : String(err));

/** An org with one endpoint on the receiver for member.added, and one member.added event pending. */
async function oneEvent(url = receiver.url): Promise<TestOrg & { endpointId: string }> {
  const w = await createTestOrg("Hooks");
  const created = await createWebhookEndpoint(w.admin, w.org.slug, { url, event_types: ["member.added"] });
  secret = created.secret;
  await db().transaction((tx) =>
    recordActivity(tx, w.admin, { orgId: w.org.id, action: "member.added", target: { type: "user", id: "u1", label: "a@example.com" } }),
  );
  return { ...w, endpointId: created.id };
}

describe("delivery", () => {
  it("signs as Standard Webhooks says: the receiver verifies it, and a tampered body fails", async () => {
    const w = await oneEvent();
    expect(await deliverDueWebhooks()).toEqual({ succeeded: 1, failed: 0 });
    const [receipt] = receiver.receipts;
    expect(receipt).toMatchObject({ verified: true, path: "/hook" });
    expect(receipt.id).toMatch(/^msg_/);
    expect(receipt.signature).toMatch(/^v1,/);
    const body = JSON.parse(receipt.body);
    expect(body).toMatchObject({ type: "member.added", data: { organization: { id: w.org.slug }, action: "member.added" } });
    expect(body.data.organization.id).toBe(w.org.slug);
    const headers = { "webhook-id": receipt.id, "webhook-timestamp": receipt.timestamp, "webhook-signature": receipt.signature };
    expect(() => new Webhook(secret!).verify(receipt.body, headers)).not.toThrow();
    expect(() => new Webhook(secret!).verify(receipt.body.replace("member.added", "member.removed"), headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(receipt.body, headers)).toThrow();
    const [row] = await deliveries();
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastResponseCode: 200, lastResponseSnippet: "ok", lockedUntil: null });
    expect(row.lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it("retries across a 500, a timeout and a refused connection with backoff and the same webhook-id, then succeeds once", async () => {
    await oneEvent();
    vi.spyOn(console, "error").mockImplementation(() => {});
    receiver.plan.push({ status: 500, body: "<h1>down</h1>" }, { hangMs: 1500 });
    let now = later(1000);
    expect(await deliverDueWebhooks({ now, timeoutMs: 400 })).toEqual({ succeeded: 0, failed: 1 });
    let [row] = await deliveries();
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      lastResponseCode: 500,
      lastError: "Answered 500.",
      lastResponseSnippet: "<h1>down</h1>",
    });
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + RETRY_DELAYS_MS[0]);
    // Not due before its backoff has passed.
    expect(await deliverDueWebhooks({ now: later(RETRY_DELAYS_MS[0] - 100, now) })).toEqual({ succeeded: 0, failed: 0 });

    now = later(RETRY_DELAYS_MS[0], now);
    expect(await deliverDueWebhooks({ now, timeoutMs: 400 })).toEqual({ succeeded: 0, failed: 1 });
    [row] = await deliveries();
    expect(row).toMatchObject({ attempts: 2, lastResponseCode: null, lastError: "No answer within 0.4 s." });

    // The receiver's port is briefly pointed elsewhere: a closed port refuses the connection.
    const closed = await startReceiver();
    const deadUrl = closed.url;
    await closed.close();
    await db().update(t.webhookEndpoints).set({ url: deadUrl });
    now = later(RETRY_DELAYS_MS[1], now);
    expect(await deliverDueWebhooks({ now })).toEqual({ succeeded: 0, failed: 1 });
    [row] = await deliveries();
    expect(row).toMatchObject({ attempts: 3, lastError: "Connection refused." });

    await db().update(t.webhookEndpoints).set({ url: receiver.url });
    now = later(RETRY_DELAYS_MS[2], now);
    expect(await deliverDueWebhooks({ now })).toEqual({ succeeded: 1, failed: 0 });
    [row] = await deliveries();
    expect(row).toMatchObject({ status: "succeeded", attempts: 4, lastResponseCode: 200, lastError: null });
    // Every attempt that reached the receiver carried the same webhook-id and a valid signature.
    expect(new Set(receiver.receipts.map((r) => r.id)).size).toBe(1);
    expect(receiver.receipts.every((r) => r.verified)).toBe(true);
    const [endpoint] = await db().select().from(t.webhookEndpoints);
    expect(endpoint).toMatchObject({ consecutiveFailures: 0, failingSince: null, enabled: true });
    // Nothing is sent again afterwards.
    expect(await deliverDueWebhooks({ now: later(86_400_000, now) })).toEqual({ succeeded: 0, failed: 0 });
  });

  it("gives up on a delivery after its last attempt", async () => {
    await oneEvent();
    vi.spyOn(console, "error").mockImplementation(() => {});
    let now = later(1000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      receiver.plan.push({ status: 503 });
      expect(await deliverDueWebhooks({ now })).toEqual({ succeeded: 0, failed: 1 });
      now = later(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1], now);
    }
    const [row] = await deliveries();
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliverDueWebhooks({ now: later(10 * 86_400_000, now) })).toEqual({ succeeded: 0, failed: 0 });
  });

  it("loses and doubles nothing across a crash after claiming and a restart of the process's database handle", async () => {
    // Its own database that survives closing the handle, as a process restart would find it.
    const restartable = testDb.restartable();
    const first = await restartable.open();
    setDbHandle(first);
    try {
      const w = await oneEvent();
      for (let i = 0; i < 5; i++)
        await db().transaction((tx) =>
          recordActivity(tx, w.admin, { orgId: w.org.id, action: "member.added", target: { type: "user", id: `u${i}` } }),
        );
      // A worker claims two deliveries and dies before sending: they stay claimed until the lease ends.
      const now = later(1000);
      expect(await claimDueWebhooks(first.db, now, 2)).toHaveLength(2);
      expect(await deliverDueWebhooks({ database: first.db, now })).toEqual({ succeeded: 4, failed: 0 });
      await first.close();
      const second = await restartable.open();
      setDbHandle(second);
      expect(await deliverDueWebhooks({ database: second.db, now: later(LEASE_MS - 1000, now) })).toEqual({ succeeded: 0, failed: 0 });
      expect(await deliverDueWebhooks({ database: second.db, now: later(LEASE_MS + 1000, now) })).toEqual({ succeeded: 2, failed: 0 });
      const rows = await second.db.select().from(t.webhookDeliveries);
      expect(rows.map((r) => r.status)).toEqual(Array(6).fill("succeeded"));
      await second.close();
    } finally {
      setDbHandle(testDb.handle);
    }
    const counts = receiver.countsById();
    expect(counts.size).toBe(6);
    expect([...counts.values()]).toEqual(Array(6).fill(1));
    // A second PGlite database is created and migrated: slow on a busy machine.
  }, 120_000);

  it("lets two workers on two connections send each delivery once", async () => {
    const w = await oneEvent();
    for (let i = 0; i < 29; i++)
      await db().transaction((tx) =>
        recordActivity(tx, w.admin, { orgId: w.org.id, action: "member.added", target: { type: "user", id: `u${i}` } }),
      );
    const other = testDb.openSecondHandle();
    const now = later(1000);
    const reports = await Promise.all([
      deliverDueWebhooks({ now, limit: 7 }),
      deliverDueWebhooks({ database: other.db, now, limit: 7 }),
      deliverDueWebhooks({ now, limit: 7 }),
      deliverDueWebhooks({ database: other.db, now, limit: 7 }),
      deliverDueWebhooks({ now, limit: 7 }),
    ]);
    await other.close();
    expect(reports.reduce((n, r) => n + r.succeeded, 0)).toBe(30);
    expect([...receiver.countsById().values()]).toEqual(Array(30).fill(1));
  }, 60_000);

  it("records an unreadable secret (AUTH_SECRET changed) as a failed attempt instead of stalling the pass", async () => {
    await oneEvent();
    vi.spyOn(console, "error").mockImplementation(() => {});
    await db().update(t.webhookEndpoints).set({ secretSealed: "v1.AAAA.BBBB.CCCC" });
    expect(await deliverDueWebhooks({ now: later(1000) })).toEqual({ succeeded: 0, failed: 1 });
    const [row] = await deliveries();
    expect(row).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null });
    expect(row.lastError).toMatch(/signing secret cannot be read/);
    expect(receiver.receipts).toHaveLength(0);
  });

  it("never follows a redirect, even to the portal's own loopback address", async () => {
    await oneEvent();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const target = await startReceiver();
    receiver.plan.push({ status: 302, location: target.url });
    expect(await deliverDueWebhooks({ now: later(1000) })).toEqual({ succeeded: 0, failed: 1 });
    const [row] = await deliveries();
    expect(row).toMatchObject({ lastResponseCode: 302, status: "pending" });
    expect(row.lastError).toContain("redirects are not followed");
    expect(target.receipts).toHaveLength(0);
    await target.close();
  });
});

describe("SSRF guard", () => {
  it("refuses loopback, private and link-local URLs when saved, including a name that resolves to 127.0.0.1", async () => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    process.env.DNS_SERVERS = dnsServer.address;
    resetConfig();
    const w = await createTestOrg("Ssrf");
    dnsServer.set("hooks.rebind.test", "127.0.0.1");
    const refused = (url: string) => rejectionOf(createWebhookEndpoint(w.admin, w.org.slug, { url, event_types: ["seat.assigned"] }));
    for (const url of [
      "https://hooks.rebind.test/x",
      "https://127.0.0.1/x",
      "https://[::1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://10.0.0.8/x",
      "https://169.254.169.254/latest/meta-data",
      "https://100.64.1.1/",
      "https://[fd00::1]/",
    ])
      expect(reason(await refused(url)), url).toMatch(/^validation:unsafe_url:.*non-public/);
    expect(reason(await refused("http://93.184.216.34/x"))).toMatch(/^validation:unsafe_url:Use an https/);
    expect(reason(await refused("https://nowhere.rebind.test/x"))).toMatch(/^validation:unsafe_url:.*does not resolve/);
    // Positive control: a name on a public address is accepted.
    dnsServer.set("hooks.public.test", "93.184.216.34");
    await expect(
      createWebhookEndpoint(w.admin, w.org.slug, { url: "https://hooks.public.test/x", event_types: ["seat.assigned"] }),
    ).resolves.toMatchObject({
      url: "https://hooks.public.test/x",
    });
    expect(await db().select().from(t.webhookEndpoints).where(eq(t.webhookEndpoints.orgId, w.org.id))).toHaveLength(1);
  });

  it("checks again at send time: a name that now resolves to 127.0.0.1 is refused and never connected to", async () => {
    process.env.DNS_SERVERS = dnsServer.address;
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    resetConfig();
    vi.spyOn(console, "error").mockImplementation(() => {});
    dnsServer.set("flip.rebind.test", "93.184.216.34");
    const w = await createTestOrg("Flip");
    const created = await createWebhookEndpoint(w.admin, w.org.slug, {
      url: `https://flip.rebind.test:${receiver.port}/hook`,
      event_types: ["seat.assigned"],
    });
    dnsServer.set("flip.rebind.test", "127.0.0.1");
    await sendTestWebhookEvent(w.admin, w.org.slug, created.id);
    expect(await deliverDueWebhooks({ now: later(1000) })).toEqual({ succeeded: 0, failed: 1 });
    const [row] = await deliveries();
    expect(row.lastError).toMatch(/^Refused: flip.rebind.test points to a private/);
    expect(receiver.receipts).toHaveLength(0);
  });
});

describe("an endpoint that keeps failing", () => {
  it("is turned off after five days of failures, and every admin gets an email in the outbox", async () => {
    const w = await oneEvent();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const start = later(1000);
    let now = start;
    // One new event a day and every attempt answered 500, for six days.
    while (now.getTime() - start.getTime() <= DISABLE_AFTER_MS + 86_400_000) {
      receiver.plan.push(...Array(20).fill({ status: 500 }));
      await db().transaction((tx) =>
        recordActivity(tx, w.admin, { orgId: w.org.id, action: "member.added", target: { type: "user", id: "x" } }),
      );
      await db().update(t.webhookDeliveries).set({ nextAttemptAt: now }).where(eq(t.webhookDeliveries.status, "pending"));
      await deliverDueWebhooks({ now });
      now = later(6 * 3_600_000, now);
    }
    const [endpoint] = await db().select().from(t.webhookEndpoints);
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "failing" });
    const mail = await db()
      .select()
      .from(t.emailOutbox)
      .where(and(eq(t.emailOutbox.template, "webhook-disabled"), eq(t.emailOutbox.to, (await adminEmail(w.admin.userId))!)));
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain(receiver.url);
    const [entry] = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, w.org.id), eq(t.activity.action, "webhook.disabled")));
    expect(entry).toMatchObject({ actorType: "system", targetId: endpoint.id });
    // While off, nothing is sent and a test event is refused; enabling it again forgives the run.
    const sent = receiver.receipts.length;
    expect(await deliverDueWebhooks({ now: later(86_400_000, now) })).toEqual({ succeeded: 0, failed: 0 });
    expect(receiver.receipts).toHaveLength(sent);
    expect(reason(await rejectionOf(sendTestWebhookEvent(w.admin, w.org.slug, endpoint.id)))).toMatch(/^conflict:webhook_disabled/);
    await updateWebhookEndpoint(w.admin, w.org.slug, endpoint.id, { enabled: true });
    const [again] = await db().select().from(t.webhookEndpoints);
    expect(again).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0, failingSince: null });
  });
});

async function adminEmail(userId: string) {
  const [u] = await db().select({ email: t.users.email }).from(t.users).where(eq(t.users.id, userId));
  return u?.email;
}

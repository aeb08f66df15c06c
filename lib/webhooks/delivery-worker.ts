import { and, eq, inArray, sql } from "drizzle-orm";
import { startPollLoop } from "@/lib/maintenance/poll-loop";
import { db, t, type Db } from "@/db";
import type { WebhookDeliveryRow } from "@/db/schema";
import { openWebhookSecret } from "@/lib/domain/webhooks/secret";
import { config } from "@/lib/config";
import { SEND_TIMEOUT_MS, sendWebhook, type SendResult } from "./sender";
import { onWebhookWake } from "./wake";

// Retry schedule after each failed attempt (as Standard Webhooks senders commonly do): the 8th
// failure is final. About 28 hours from the first attempt to the last.
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
// Longer than the 5 s send limit, so a live worker never loses its claim; a crashed one's claim
// runs out and the delivery is retried with the same webhook-id.
export const LEASE_MS = 60_000;

/**
 * Claims due deliveries of enabled endpoints with FOR UPDATE SKIP LOCKED and a lease, so several
 * processes can run workers on one database without sending a delivery twice.
 */
export async function claimDueWebhooks(database: Db, now: Date, limit: number): Promise<WebhookDeliveryRow[]> {
  return database.transaction(async (tx) => {
    const due = await tx
      .select({ id: t.webhookDeliveries.id })
      .from(t.webhookDeliveries)
      .innerJoin(t.webhookEndpoints, eq(t.webhookEndpoints.id, t.webhookDeliveries.endpointId))
      .where(
        and(
          eq(t.webhookDeliveries.status, "pending"),
          sql`${t.webhookDeliveries.nextAttemptAt} <= ${now.toISOString()}`,
          sql`(${t.webhookDeliveries.lockedUntil} is null or ${t.webhookDeliveries.lockedUntil} <= ${now.toISOString()})`,
          eq(t.webhookEndpoints.enabled, true),
        ),
      )
      .orderBy(t.webhookDeliveries.nextAttemptAt)
      .limit(limit)
      .for("update", { of: t.webhookDeliveries, skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(t.webhookDeliveries)
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${t.webhookDeliveries.attempts} + 1` })
      .where(
        inArray(
          t.webhookDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export type WebhookPassReport = { succeeded: number; failed: number };

/** One pass: sends what is due now, concurrently within the batch. Tests call it with their own clock. */
export async function deliverDueWebhooks({
  database = db(),
  now = new Date(),
  limit = 20,
  timeoutMs = SEND_TIMEOUT_MS,
}: { database?: Db; now?: Date; limit?: number; timeoutMs?: number } = {}): Promise<WebhookPassReport> {
  const claimed = await claimDueWebhooks(database, now, limit);
  if (claimed.length === 0) return { succeeded: 0, failed: 0 };
  const endpointIds = [...new Set(claimed.map((d) => d.endpointId))];
  const endpoints = await database.select().from(t.webhookEndpoints).where(inArray(t.webhookEndpoints.id, endpointIds));
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const results = await Promise.all(
    claimed.map(async (delivery) => {
      const endpoint = byId.get(delivery.endpointId);
      if (!endpoint) return false; // deleted meanwhile: its deliveries went with it
      const secret = readSecret(endpoint.secretSealed);
      const result = secret
        ? await sendWebhook(endpoint.url, { eventId: delivery.eventId, body: JSON.stringify(delivery.payload), secret }, timeoutMs)
        : unreadableSecret;
      await recordOutcome(database, delivery, result, now);
      return result.ok;
    }),
  );
  const succeeded = results.filter(Boolean).length;
  return { succeeded, failed: results.length - succeeded };
}

// A secret sealed under another AUTH_SECRET cannot be opened: the attempt fails (and is logged in
// the delivery) instead of stopping the whole pass with the claim held.
const unreadableSecret: SendResult = {
  ok: false,
  status: null,
  snippet: null,
  durationMs: 0,
  error: "The signing secret cannot be read (AUTH_SECRET changed?): delete the endpoint and add it again.",
};

function readSecret(sealed: string): string | null {
  try {
    return openWebhookSecret(sealed);
  } catch {
    return null;
  }
}

async function recordOutcome(database: Db, delivery: WebhookDeliveryRow, result: SendResult, now: Date) {
  const last = {
    lockedUntil: null,
    lastAttemptAt: now,
    lastResponseCode: result.status,
    lastResponseSnippet: result.snippet,
    lastDurationMs: result.durationMs,
    lastError: result.error,
  };
  // Only the holder of the lease writes the outcome: a claim that ran out belongs to another worker.
  const mine = and(eq(t.webhookDeliveries.id, delivery.id), eq(t.webhookDeliveries.lockedUntil, delivery.lockedUntil!));
  if (result.ok) {
    await database.transaction(async (tx) => {
      await tx
        .update(t.webhookDeliveries)
        .set({ ...last, status: "succeeded", deliveredAt: now })
        .where(mine);
      await tx
        .update(t.webhookEndpoints)
        .set({ consecutiveFailures: 0, failingSince: null })
        .where(eq(t.webhookEndpoints.id, delivery.endpointId));
    });
    return;
  }
  const final = delivery.attempts >= MAX_ATTEMPTS;
  const [endpoint] = await database.transaction(async (tx) => {
    await tx
      .update(t.webhookDeliveries)
      .set({
        ...last,
        status: final ? "failed" : "pending",
        nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[Math.min(delivery.attempts, RETRY_DELAYS_MS.length) - 1]),
      })
      .where(mine);
    return tx
      .update(t.webhookEndpoints)
      .set({
        consecutiveFailures: sql`${t.webhookEndpoints.consecutiveFailures} + 1`,
        failingSince: sql`coalesce(${t.webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(t.webhookEndpoints.id, delivery.endpointId))
      .returning();
  });
  if (!endpoint) return;
  // Loaded when first needed: it brings the email templates, which would add about 0.4 s to
  // every start of the Next.js process for an event that is rare.
  const { disableFailingEndpoint } = await import("@/lib/domain/webhooks/disable-failing-endpoint");
  await disableFailingEndpoint(database, endpoint, now);
}

/** Polls in this process; an event enqueued in this process wakes it at once. */
export function startWebhookWorker(intervalMs = 1000) {
  return startPollLoop({
    name: "webhook worker",
    intervalMs,
    pass: async () => {
      const { succeeded, failed } = await deliverDueWebhooks();
      return succeeded + failed > 0;
    },
    onWake: onWebhookWake,
  });
}

// One worker per process, whoever asks first: server.ts at boot, or instrumentation.ts under next dev.
const WORKER = Symbol.for("org-portal.webhook-worker");
type Global = typeof globalThis & { [WORKER]?: () => void };

/** Runs beside the email worker, under the same switch (OUTBOX_WORKER=off turns both off). */
export function startWebhookWorkerOnce(): (() => void) | undefined {
  const g = globalThis as Global;
  const { worker, pollMs } = config().outbox;
  if (!worker) return undefined;
  g[WORKER] ??= startWebhookWorker(pollMs);
  return () => {
    g[WORKER]?.();
    g[WORKER] = undefined;
  };
}

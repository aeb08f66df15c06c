import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { startPollLoop } from "@/lib/maintenance/poll-loop";
import { db, t, type Db } from "@/db";
import type { OutboxRow } from "@/db/schema";
import type { EmailTransport } from "./transports";
import { onOutboxWake } from "./wake";

export const MAX_ATTEMPTS = 12;
const LEASE_SECONDS = 60;

/** Exponential backoff: 5 s, 10 s, 20 s ... capped at one hour. */
export const backoffMs = (attempts: number) => Math.min(5_000 * 2 ** (attempts - 1), 3_600_000);

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED and a lease, so that several processes can
 * run workers on one database without sending a message twice. A crash mid-send only lets the
 * lease run out; the retry carries the same idempotency key.
 */
async function claimDue(database: Db, now: Date, limit: number): Promise<OutboxRow[]> {
  return database.transaction(async (tx) => {
    const due = await tx
      .select({ id: t.emailOutbox.id })
      .from(t.emailOutbox)
      .where(
        and(
          eq(t.emailOutbox.status, "pending"),
          lte(t.emailOutbox.nextAttemptAt, now),
          sql`(${t.emailOutbox.lockedUntil} is null or ${t.emailOutbox.lockedUntil} <= ${now.toISOString()})`,
        ),
      )
      .orderBy(t.emailOutbox.createdAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(t.emailOutbox)
      .set({
        lockedUntil: new Date(now.getTime() + LEASE_SECONDS * 1000),
        attempts: sql`${t.emailOutbox.attempts} + 1`,
      })
      .where(
        inArray(
          t.emailOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export type DeliveryReport = { sent: number; failed: number };

/** One pass of the worker: delivers what is due now. Tests call it with their own clock. */
export async function deliverDueEmails(
  transport: EmailTransport,
  { database = db(), now = new Date(), limit = 50 }: { database?: Db; now?: Date; limit?: number } = {},
): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 };
  for (const message of await claimDue(database, now, limit)) {
    try {
      await transport.send(message);
      await database
        .update(t.emailOutbox)
        // The body is dropped once delivered: some messages carry a secret (a new token, a
        // password link) that must not stay readable in the database.
        .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null, html: "", text: "" })
        .where(eq(t.emailOutbox.id, message.id));
      report.sent++;
    } catch (err) {
      const dead = message.attempts >= MAX_ATTEMPTS;
      await database
        .update(t.emailOutbox)
        .set({
          status: dead ? "dead" : "pending",
          lockedUntil: null,
          lastError: err instanceof Error ? err.message.slice(0, 1000) : String(err),
          nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)),
        })
        .where(eq(t.emailOutbox.id, message.id));
      report.failed++;
      console.error(JSON.stringify({ level: "warn", msg: "email delivery failed", id: message.id, attempt: message.attempts, dead }));
    }
  }
  return report;
}

/** Polls the outbox in this process; an enqueue in this process wakes it at once. */
export function startOutboxWorker(transport: EmailTransport, intervalMs = 1000) {
  return startPollLoop({
    name: "outbox worker",
    intervalMs,
    pass: async () => (await deliverDueEmails(transport)).sent > 0,
    onWake: onOutboxWake,
  });
}

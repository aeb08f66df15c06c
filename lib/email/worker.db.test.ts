import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, t, type Db } from "@/db";
import { setDbHandle } from "@/db/client";
import { signUp } from "@/lib/domain/users/sign-up";
import { useTestDatabase } from "@/test/db";
import { enqueueEmail } from "./outbox";
import { mailboxTransport, type EmailTransport } from "./transports";
import { backoffMs, deliverDueEmails, MAX_ATTEMPTS } from "./worker";

const testDb = useTestDatabase();

beforeEach(async () => {
  // The worker logs each failed attempt; here failures are the point.
  vi.spyOn(console, "error").mockImplementation(() => {});
  await db().delete(t.emailOutbox);
  await db().delete(t.devMailbox);
});
afterEach(() => vi.restoreAllMocks());

async function enqueue(to: string, database: Db = db()) {
  await database.transaction((tx) => enqueueEmail(tx, { to, subject: `Hello ${to}`, html: "<p>Hi</p>", text: "Hi", template: "test" }));
  const [row] = await database.select().from(t.emailOutbox).where(eq(t.emailOutbox.to, to));
  return row;
}

const outboxRow = async (id: string) => (await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.id, id)))[0];

/** Records every attempt; the first `failures` attempts throw, as a provider that is down. */
function flakyTransport(failures = 0) {
  const attempts: string[] = [];
  const delivered: string[] = [];
  const transport: EmailTransport = {
    name: "flaky",
    async send(m) {
      attempts.push(m.id);
      if (attempts.length <= failures) throw new Error(`provider down (${attempts.length})`);
      delivered.push(m.id);
    },
  };
  return { transport, attempts, delivered };
}

// Messages are due from the database's clock; tests then move their own clock forward.
const soon = () => new Date(Date.now() + 1000);
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("deliverDueEmails", () => {
  it("retries with backoff a transport that fails 3 times, then delivers exactly once", async () => {
    const message = await enqueue("retry@example.com");
    const { transport, attempts, delivered } = flakyTransport(3);

    let now = soon();
    for (let failure = 1; failure <= 3; failure++) {
      expect(await deliverDueEmails(transport, { now })).toEqual({ sent: 0, failed: 1 });
      const row = await outboxRow(message.id);
      expect(row).toMatchObject({ status: "pending", attempts: failure, lastError: `provider down (${failure})` });
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMs(failure));
      // Before the backoff has passed, nothing is tried.
      expect(await deliverDueEmails(transport, { now: later(now, backoffMs(failure) - 1000) })).toEqual({ sent: 0, failed: 0 });
      now = row.nextAttemptAt;
    }
    expect(await deliverDueEmails(transport, { now })).toEqual({ sent: 1, failed: 0 });
    expect(await outboxRow(message.id)).toMatchObject({ status: "sent", attempts: 4, lastError: null });
    // Delivered bodies are dropped (they may hold a token or a password link); the row remains.
    expect(await outboxRow(message.id)).toMatchObject({ html: "", text: "", to: "retry@example.com" });
    expect(attempts).toHaveLength(4);
    expect(delivered).toEqual([message.id]);
  });

  it("never sends a message again once it was sent", async () => {
    const message = await enqueue("once@example.com");
    const { transport, attempts } = flakyTransport();
    const now = soon();
    expect(await deliverDueEmails(transport, { now })).toEqual({ sent: 1, failed: 0 });
    for (const ms of [0, 61_000, 3_600_000, 86_400_000]) {
      expect(await deliverDueEmails(transport, { now: later(now, ms) })).toEqual({ sent: 0, failed: 0 });
    }
    expect(attempts).toEqual([message.id]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    const message = await enqueue("dead@example.com");
    const { transport, attempts } = flakyTransport(Infinity);
    let now = soon();
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await deliverDueEmails(transport, { now });
      now = later(now, 2 * 3_600_000);
    }
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(await outboxRow(message.id)).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
  });

  it("re-sends, with the same id, a message whose worker died mid-send once its lease ran out", async () => {
    const message = await enqueue("lease@example.com");
    let release!: () => void;
    const stuck: EmailTransport = { name: "stuck", send: () => new Promise<void>((resolve) => (release = resolve)) };
    const now = soon();
    const firstPass = deliverDueEmails(stuck, { now });
    await expect.poll(() => release).toBeDefined();

    const { transport, delivered } = flakyTransport();
    expect(await deliverDueEmails(transport, { now: later(now, 30_000) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails(transport, { now: later(now, 61_000) })).toEqual({ sent: 1, failed: 0 });
    expect(delivered).toEqual([message.id]);
    release();
    await firstPass;
    expect(await outboxRow(message.id)).toMatchObject({ status: "sent" });
  });

  it("loses nothing when the process restarts between enqueue and delivery", async () => {
    const database = testDb.restartable();
    const before = await database.open();
    setDbHandle(before);
    try {
      await signUp({ name: "Restart", email: "restart@example.com", password: "long enough password" });
      await before.close(); // the process dies before its worker ran

      const after = await database.open();
      setDbHandle(after);
      const report = await deliverDueEmails(
        mailboxTransport(() => after.db),
        { database: after.db, now: soon() },
      );
      expect(report).toEqual({ sent: 1, failed: 0 });
      const mailbox = await after.db.select().from(t.devMailbox).where(eq(t.devMailbox.to, "restart@example.com"));
      expect(mailbox).toEqual([expect.objectContaining({ subject: expect.stringMatching(/Welcome/) })]);
    } finally {
      setDbHandle(testDb.handle);
    }
  });

  it("does not double-send when several workers run at once", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await enqueue(`bulk-${i}@example.com`)).id);
    const sends = new Map<string, number>();
    const transport: EmailTransport = {
      name: "counting",
      async send(m) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sends.set(m.id, (sends.get(m.id) ?? 0) + 1);
      },
    };
    const now = soon();
    // On PostgreSQL each worker has its own pool, as separate processes would.
    const workers = Array.from({ length: 4 }, () => testDb.openSecondHandle());
    const sentPerWorker = await Promise.all(
      workers.map(async (worker) => {
        let sent = 0;
        for (let r; (r = await deliverDueEmails(transport, { database: worker.db, now, limit: 3 })).sent > 0;) sent += r.sent;
        return sent;
      }),
    );
    await Promise.all(workers.map((w) => w.close()));
    expect(sentPerWorker.reduce((a, b) => a + b)).toBe(20);
    expect(new Set(sends.keys())).toEqual(ids);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    const [{ pending }] = await db()
      .select({ pending: sql<number>`count(*) filter (where ${t.emailOutbox.status} <> 'sent')`.mapWith(Number) })
      .from(t.emailOutbox);
    expect(pending).toBe(0);
  });
});

describe("mailboxTransport", () => {
  it("stores a message once even when it is delivered twice", async () => {
    const message = await enqueue("twice@example.com");
    const transport = mailboxTransport();
    await transport.send(message);
    await transport.send(message);
    // A worker that lost its "sent" mark delivers again: still one message in the mailbox.
    await db().update(t.emailOutbox).set({ status: "pending" }).where(eq(t.emailOutbox.id, message.id));
    expect(await deliverDueEmails(transport, { now: soon() })).toEqual({ sent: 1, failed: 0 });
    expect(await db().select().from(t.devMailbox)).toEqual([
      expect.objectContaining({ id: message.id, to: "twice@example.com", subject: "Hello twice@example.com" }),
    ]);
  });
});

import net from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { useTestDatabase } from "@/test/db";
import { enqueueEmail } from "./outbox";
import { smtpTransport, transportFromEnv } from "./transports";
import { backoffMs, deliverDueEmails, startOutboxWorker } from "./worker";

// A real SMTP server (smtp-server) in this process; the app talks to it through nodemailer, as
// it would to an operator's relay.
const testDb = useTestDatabase();

type Received = { from: string; to: string[]; user: string | undefined; raw: string };

const USER = "portal";
const PASS = "s3cret:with@chars";

/** A free port on 127.0.0.1, so the server can be started (again) on a port the app already knows. */
async function freePort() {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function startSmtp(port: number, received: Received[], options: Partial<SMTPServerOptions> = {}) {
  const server = new SMTPServer({
    // Plain SMTP with authentication, as a relay on a private network; TLS is tested with smtps.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) return callback(null, { user: auth.username });
      callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
    ...options,
  });
  return new Promise<SMTPServer>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const stopSmtp = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

async function enqueue(to: string) {
  await db().transaction((tx) =>
    enqueueEmail(tx, { to, subject: `Hello ${to}`, html: `<p>Link for ${to}</p>`, text: `Link for ${to}`, template: "test" }),
  );
  const [row] = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, to));
  return row;
}

const messageIdOf = (raw: string) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1];
const FROM = "Org Portal <portal@example.com>";
const soon = () => new Date(Date.now() + 1000);

let servers: SMTPServer[] = [];
beforeEach(async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  await db().delete(t.emailOutbox);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.map(stopSmtp));
  servers = [];
});

describe("SMTP transport against a real SMTP server", () => {
  it("delivers a message with authentication, sender, recipient, body and a Message-ID from the outbox id", async () => {
    const port = await freePort();
    const received: Received[] = [];
    servers.push(await startSmtp(port, received));
    const message = await enqueue("ada@example.com");

    const transport = smtpTransport(`smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`, FROM);
    expect(await deliverDueEmails(transport, { now: soon() })).toEqual({ sent: 1, failed: 0 });

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "portal@example.com", to: ["ada@example.com"], user: USER });
    expect(received[0].raw).toMatch(/^Subject: Hello ada@example.com/m);
    expect(received[0].raw).toContain("Link for ada@example.com");
    expect(messageIdOf(received[0].raw)).toBe(`<outbox-${message.id}@example.com>`);
    const [row] = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.id, message.id));
    expect(row).toMatchObject({ status: "sent", attempts: 1, text: "", html: "" });
  });

  it("delivers over smtps:// (TLS from the first byte)", async () => {
    const port = await freePort();
    const received: Received[] = [];
    // smtp-server's built-in self-signed certificate: the URL says to accept it.
    servers.push(await startSmtp(port, received, { secure: true, disabledCommands: [] }));
    await enqueue("tls@example.com");
    const transport = smtpTransport(`smtps://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}?tls.rejectUnauthorized=false`, FROM);
    expect(await deliverDueEmails(transport, { now: soon() })).toEqual({ sent: 1, failed: 0 });
    expect(received.map((r) => r.to)).toEqual([["tls@example.com"]]);
  });

  it("keeps a refused message (wrong password) for a retry instead of losing it", async () => {
    const port = await freePort();
    const received: Received[] = [];
    servers.push(await startSmtp(port, received));
    const message = await enqueue("refused@example.com");
    const transport = smtpTransport(`smtp://${USER}:wrong@127.0.0.1:${port}`, FROM);
    expect(await deliverDueEmails(transport, { now: soon() })).toEqual({ sent: 0, failed: 1 });
    const [row] = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.id, message.id));
    expect(row.status).toBe("pending");
    expect(row.lastError).toMatch(/Invalid login: 535/);
    expect(received).toHaveLength(0);
  });

  it("delivers, exactly once each, what was enqueued while the server was down, after the backoff", async () => {
    const port = await freePort();
    const received: Received[] = [];
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await enqueue(`down-${i}@example.com`)).id);
    const transport = smtpTransport(`smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`, FROM);

    // Down: nothing listens on the port. Two passes fail, each pushing the next try further out.
    let now = soon();
    expect(await deliverDueEmails(transport, { now })).toEqual({ sent: 0, failed: 5 });
    now = new Date(now.getTime() + backoffMs(1));
    expect(await deliverDueEmails(transport, { now })).toEqual({ sent: 0, failed: 5 });
    const rows = await db().select().from(t.emailOutbox);
    expect(rows.every((r) => r.status === "pending" && r.attempts === 2 && /ECONNREFUSED/.test(r.lastError ?? ""))).toBe(true);

    // Back up, but before the backoff has passed nothing is tried.
    servers.push(await startSmtp(port, received));
    expect(await deliverDueEmails(transport, { now: new Date(now.getTime() + backoffMs(2) - 1000) })).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(0);

    now = new Date(now.getTime() + backoffMs(2));
    expect(await deliverDueEmails(transport, { now })).toEqual({ sent: 5, failed: 0 });
    // Later passes find nothing to send again.
    expect(await deliverDueEmails(transport, { now: new Date(now.getTime() + 3_600_000) })).toEqual({ sent: 0, failed: 0 });

    expect(received.map((r) => r.to[0]).sort()).toEqual(ids.map((_, i) => `down-${i}@example.com`).sort());
    expect(new Set(received.map((r) => messageIdOf(r.raw))).size).toBe(5);
  });

  it("several workers on one outbox (separate pools on PostgreSQL) send each message once", async () => {
    const port = await freePort();
    const received: Received[] = [];
    servers.push(await startSmtp(port, received));
    for (let i = 0; i < 12; i++) await enqueue(`many-${i}@example.com`);
    const transport = smtpTransport(`smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`, FROM);
    const workers = Array.from({ length: 3 }, () => testDb.openSecondHandle());
    const now = soon();
    await Promise.all(
      workers.map(async (w) => {
        while ((await deliverDueEmails(transport, { database: w.db, now, limit: 2 })).sent > 0);
      }),
    );
    await Promise.all(workers.map((w) => w.close()));
    expect(received).toHaveLength(12);
    expect(new Set(received.map((r) => r.to[0])).size).toBe(12);
  });

  it("the running worker, configured from SMTP_URL and EMAIL_FROM, delivers on its own", async () => {
    const port = await freePort();
    const received: Received[] = [];
    servers.push(await startSmtp(port, received));
    vi.stubEnv("SMTP_URL", `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`);
    vi.stubEnv("EMAIL_FROM", "Acme Portal <noreply@acme.test>");
    resetConfig();
    try {
      const transport = transportFromEnv();
      expect(transport.name).toBe("smtp");
      const stop = startOutboxWorker(transport, 50);
      try {
        await enqueue("worker@example.com");
        await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 10_000, interval: 50 });
      } finally {
        stop();
      }
      expect(received[0]).toMatchObject({ from: "noreply@acme.test", to: ["worker@example.com"] });
    } finally {
      vi.unstubAllEnvs();
      resetConfig();
    }
  });
});

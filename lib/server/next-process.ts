// The Next.js app process. server.ts (what `npm start` runs) starts it and proxies every request
// it does not answer itself to it over a private Unix socket; it is never started on its own.
// Next.js stays out of server.ts because loading it slows every request of its process: live
// AsyncLocalStorage hooks on every promise and its process-wide patches (docs/decisions/014).
// On the embedded database this process owns PGlite (one process per data folder): it applies
// pending migrations, then serves server.ts's queries through the bridge (db/pglite-bridge.ts).
// The background workers (email outbox, webhook deliveries, sweeper) run here too, away from the
// token check.
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { getDbHandle } from "@/db/client";
import { migrateIfNeeded } from "@/db/migrations-runner";
import { serveBridge } from "@/db/pglite-bridge";
import { configOrExit } from "@/lib/config";
import { markWorkersHosted } from "@/lib/server/hosted-workers";
import { describeError } from "@/lib/observability/describe-error";
import { requestContext, type RequestContext } from "@/lib/observability/request-context";
import { orgFromPath, routeLabel } from "@/lib/observability/route-label";
import type { PGlite } from "@electric-sql/pglite";

const [socketPath, root] = process.argv.slice(2);
if (!process.send || !socketPath || !root) {
  console.error("lib/server/next-process.ts is started by server.ts (npm start), not on its own.");
  process.exit(1);
}
const settings = configOrExit();
const send = (message: unknown) => process.connected && process.send!(message);
const log = (msg: string) => console.log(JSON.stringify({ level: "info", msg, ms: Math.round(performance.now()) }));

// Start-up (issue 20: the first answer within 3 s). PGlite opens first (its WebAssembly compiles
// off this thread) and Next.js loads and prepares meanwhile: neither needs the other, and the
// first request waits for both (the socket listens below). Next's instrumentation.ts, run by
// prepare, leaves the workers to this process. While Next.js loads, source maps are off, as under
// `next start`: tsx turns them on, and reading the map of every Next.js module cost about 0.25 s.
// They are back on for this process's own modules (their stack traces keep their TypeScript lines).
const handle = getDbHandle();
markWorkersHosted();
process.setSourceMapsEnabled(false);
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: settings.hostname ?? "localhost", port: settings.port });
const prepared = app.prepare().then(() => log("next.js prepared"));
if (handle.kind === "pglite") {
  const outcome = await migrateIfNeeded(handle);
  log(outcome === "migrated" ? "migrations applied" : "schema current");
  serveBridge((handle.db as unknown as { $client: PGlite }).$client, process as Parameters<typeof serveBridge>[1]);
}
await prepared;
process.setSourceMapsEnabled(true);
const handler = app.getRequestHandler();

// The log line of every request answered here is written here, where the request context holds
// the actor the app noted (a streamed page sends its head before it knows the actor, so the actor
// cannot travel back to server.ts in a header). server.ts counts these requests in its metrics.
function logLine(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, started: number) {
  const pathname = (req.url ?? "/").split("?")[0];
  console.log(
    JSON.stringify({
      level: res.statusCode >= 500 ? "error" : "info",
      msg: "request",
      time: new Date().toISOString(),
      request_id: ctx.requestId,
      method: req.method,
      route: routeLabel(pathname),
      status: res.statusCode,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      actor: ctx.actor,
      org: ctx.org,
    }),
  );
}

const server = http.createServer((req, res) => {
  const started = performance.now();
  const requestId = req.headers["x-request-id"];
  const ctx: RequestContext = {
    requestId: typeof requestId === "string" ? requestId : randomUUID(),
    org: orgFromPath((req.url ?? "/").split("?")[0]),
  };
  res.on("finish", () => logLine(req, res, ctx, started));
  requestContext.run(
    ctx,
    () =>
      void handler(req, res).catch((err: unknown) => {
        console.error(JSON.stringify({ level: "error", msg: "request failed", request_id: ctx.requestId, ...describeError(err) }));
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error\n");
      }),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(socketPath, () => {
  send({ next: "ready" });
  void startWorkers();
});

// The background workers start once the app answers and the schema is current: they query tables
// a new database does not have yet. On PGlite this process migrated above; on PostgreSQL server.ts
// migrates and says so (lib/server/next-proxy.ts; Node keeps an IPC message until a listener is
// added, so one sent before this line runs still arrives). Their modules take a while to load,
// off the path to the first answer. Mail and deliveries enqueued meanwhile wait in their tables.
const schemaCurrent =
  handle.kind === "pglite"
    ? Promise.resolve()
    : new Promise<void>((resolve) => process.on("message", (m: { schema?: string }) => m?.schema === "current" && resolve()));
let stopping = false;
let stopWorkers = () => {};
async function startWorkers() {
  await schemaCurrent;
  const [{ startOutboxWorkerOnce }, { startWebhookWorkerOnce }, { startSweeper }] = await Promise.all([
    import("@/lib/email/outbox-worker"),
    import("@/lib/webhooks/delivery-worker"),
    import("@/lib/maintenance/sweeper"),
  ]);
  if (stopping) return;
  const stopOutbox = startOutboxWorkerOnce();
  // Here, not in server.ts: the app wakes it in-process when it enqueues a delivery (lib/webhooks/wake.ts).
  startWebhookWorkerOnce(); // an unfinished delivery is retried after its lease: nothing to stop on shutdown
  const stopSweeper = startSweeper();
  stopWorkers = () => {
    stopOutbox?.();
    stopSweeper();
  };
}

async function shutdown() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  stopWorkers();
  await app.close().catch(() => {});
  // Releases the PGlite folder lock, so the next start is not refused.
  await handle.close();
  process.exit(0);
}
// server.ts decides when to stop (it writes its counts through this process first, on PGlite),
// then says so on the channel. A Ctrl-C reaches the whole process group, and so does a SIGTERM
// to the group (systemd's stop, `kill -- -PGID`): both wait for server.ts's word. A SIGTERM to
// this process alone stops it after a grace period (server.ts then stops too).
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {
  if (!process.connected) return void shutdown();
  setTimeout(() => void shutdown(), 8_000).unref();
});
// This listener also keeps the channel read, which "disconnect" below needs.
process.on("message", (m: { stop?: boolean }) => m?.stop === true && void shutdown());
// server.ts is gone (killed without a chance to stop this process): stop too. A killed parent may
// also leave this process re-parented.
process.on("disconnect", () => void shutdown());
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void shutdown(), 1_000).unref();

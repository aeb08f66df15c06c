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
import next from "next";
import { getDbHandle } from "@/db/client";
import { migrateIfNeeded } from "@/db/migrations-runner";
import { serveBridge } from "@/db/pglite-bridge";
import { configOrExit } from "@/lib/config";
import { startOutboxWorkerOnce } from "@/lib/email/outbox-worker";
import { startWebhookWorkerOnce } from "@/lib/webhooks/delivery-worker";
import { startSweeper } from "@/lib/maintenance/sweeper";
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
const app = next({ dev: false, dir: root, hostname: settings.hostname ?? "localhost", port: settings.port });
const handle = getDbHandle();
if (handle.kind === "pglite") {
  const outcome = await migrateIfNeeded(handle);
  log(outcome === "migrated" ? "migrations applied" : "schema current");
  serveBridge((handle.db as unknown as { $client: PGlite }).$client, process as Parameters<typeof serveBridge>[1]);
}

// Before Next prepares (its instrumentation.ts then finds them running), after the migrations:
// the workers query tables a new database does not have yet.
const stopWorker = startOutboxWorkerOnce();
// Here, not in server.ts: the app wakes it in-process when it enqueues a delivery (lib/webhooks/wake.ts).
startWebhookWorkerOnce(); // an unfinished delivery is retried after its lease: nothing to stop on shutdown
const stopSweeper = startSweeper();

await app.prepare();
log("next.js prepared");
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
server.listen(socketPath, () => send({ next: "ready" }));

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  stopWorker?.();
  stopSweeper();
  await app.close().catch(() => {});
  // Releases the PGlite folder lock, so the next start is not refused.
  await handle.close();
  process.exit(0);
}
// server.ts decides when to stop (it flushes its counters through this process first): a Ctrl-C
// reaches the whole process group, so SIGINT is left to server.ts, which then sends SIGTERM.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => void shutdown());
// server.ts is gone (killed without a chance to stop this process): stop too. The channel is read
// only while something listens on it, and a killed parent may leave this process re-parented.
process.on("message", () => {});
process.on("disconnect", () => void shutdown());
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void shutdown(), 1_000).unref();

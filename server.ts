// The app's HTTP server (`npm start` runs it with tsx). The token check and the token-gated
// channel are answered here on node:http, outside Next's router: a Next route handler doing the
// same work answers ~50x fewer requests per second on this hardware, and package downloads call it
// for every file.
// Everything else goes to Next's request handler. Run migrations before this (scripts/start.mjs).
import http from "node:http";
import path from "node:path";
import next from "next";
import { getDbHandle } from "@/db/client";
import { closeTokenChecker, getTokenChecker } from "@/lib/domain/tokens/check/check-token";
import { createHotPath } from "@/lib/hot-path/handler";
import { startOutboxWorkerOnce } from "@/lib/email/outbox-worker";
import { startWebhookWorkerOnce } from "@/lib/webhooks/delivery-worker";
import { UsageRecorder } from "@/lib/domain/tokens/check/usage";
import { DownloadRecorder } from "@/lib/domain/packages/downloads";
import { instrument } from "@/lib/observability/instrument";
import { createMetrics } from "@/lib/observability/metrics";
import { outboxBacklog } from "@/lib/email/backlog";
import { configOrExit } from "@/lib/config";
import { stampPeerAddress } from "@/lib/auth/client-ip";
import { serveMetricsEndpoint } from "@/lib/observability/metrics-endpoint";
import { baseSecurityHeaders, isNonPagePath, NON_PAGE_CSP } from "@/lib/http/security-headers";
import { startSweeper } from "@/lib/maintenance/sweeper";
import { describeError } from "@/lib/observability/describe-error";

// Before anything else: a wrong variable stops the start here with one line naming it.
const settings = configOrExit();
const root = import.meta.dirname;
const { port, hostname } = settings;
const log = (msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level: "info", msg, ...extra }));

const checker = await getTokenChecker();
// Warm the token cache in the background: requests are answered meanwhile (misses read the database).
const preloadStarted = Date.now();
checker
  .preload()
  .then((n) => log("token cache warmed", { tokens: n, ms: Date.now() - preloadStarted }))
  .catch((err: unknown) => console.error(JSON.stringify({ level: "warn", msg: "token cache warm-up failed", err: String(err) })));
const usage = new UsageRecorder(() => getDbHandle().db).start(settings.tokenUsageFlushMs);
// Package downloads of org channels, counted like token uses.
const downloads = new DownloadRecorder(() => getDbHandle().db).start(settings.tokenUsageFlushMs);
const stopWorker = startOutboxWorkerOnce();
startWebhookWorkerOnce(); // an unfinished delivery is retried after its lease: nothing to stop on shutdown
const stopSweeper = startSweeper();
const metrics = createMetrics(outboxBacklog);
// The hot path sees the checker through this wrapper, which counts verdicts for /api/metrics.
const countingChecker = Object.create(checker, {
  check: {
    value: async (token: string | null) => {
      const verdict = await checker.check(token);
      metrics.observeTokenCheck(verdict.valid ? "valid" : "invalid");
      return verdict;
    },
  },
}) as typeof checker;
const hotPath = createHotPath({
  checker: countingChecker,
  usage,
  downloads,
  channelsDir: path.resolve(root, settings.channelsDir ?? "channels"),
});

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
await app.prepare();
const nextHandler = app.getRequestHandler();

const securityHeaders = Object.entries(baseSecurityHeaders(settings.appUrl));
const server = http.createServer(
  instrument(metrics, (req, res) => {
    // Every answer (hot path, API, pages) carries these; pages get their CSP from proxy.ts.
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    if (isNonPagePath(req.url?.split("?")[0] ?? "/")) res.setHeader("content-security-policy", NON_PAGE_CSP);
    // The real TCP peer, for the client address (TRUSTED_PROXIES): Next's headers() has no socket.
    stampPeerAddress(req);
    if (hotPath(req, res)) return;
    // GET /api/metrics: Prometheus text format, only for the bearer of METRICS_TOKEN.
    if (serveMetricsEndpoint(metrics, req, res)) return;
    nextHandler(req, res).catch((err: unknown) => {
      console.error(JSON.stringify({ level: "error", msg: "request failed", ...describeError(err) }));
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error\n");
    });
  }),
);
// Package managers and nginx keep connections open between requests.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () =>
  log("server listening", { url: `http://${hostname ?? "localhost"}:${port}`, database: getDbHandle().kind }),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log("shutting down", { signal });
  setTimeout(() => process.exit(1), 10_000).unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  stopWorker?.();
  stopSweeper();
  await usage.stop().catch(() => {});
  await downloads.stop().catch(() => {});
  await closeTokenChecker();
  await app.close().catch(() => {});
  // Releases the PGlite folder lock, so the next start is not refused.
  await getDbHandle().close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

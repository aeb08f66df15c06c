// The front server of `npm start` (server.ts starts it once the Next.js process is on its way):
// it answers the token check and the token-gated channel itself on node:http, passes everything
// else to the Next.js process, and writes the request logs and metrics of both
// (docs/decisions/014). On the embedded database it reaches PGlite through the Next.js process.
import http from "node:http";
import path from "node:path";
import { connectPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { migrateIfNeeded } from "@/db/migrations-runner";
import { bridgeHandle } from "@/db/pglite-bridge-handle";
import { closeTokenChecker, getTokenChecker } from "@/lib/domain/tokens/check/check-token";
import { createHotPath } from "@/lib/hot-path/handler";
import { UsageRecorder } from "@/lib/domain/tokens/check/usage";
import { DownloadRecorder } from "@/lib/domain/packages/downloads";
import { instrument } from "@/lib/observability/instrument";
import { createMetrics } from "@/lib/observability/metrics";
import { outboxBacklog } from "@/lib/email/backlog";
import type { Config } from "@/lib/config";
import { stampPeerAddress } from "@/lib/auth/client-ip";
import { serveMetricsEndpoint } from "@/lib/observability/metrics-endpoint";
import { baseSecurityHeaders, isNonPagePath, NON_PAGE_CSP, nonPageHeaders } from "@/lib/http/security-headers";
import type { NextProcess } from "@/lib/server/next-proxy";

const log = (msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level: "info", msg, ...extra }));

export async function startFrontServer(settings: Config, root: string, nextProcess: NextProcess) {
  const { port, hostname } = settings;
  let stopping = false;
  let listening = false;
  let handle: DbHandle;
  if (settings.database.url) {
    // A few connections suffice here: token cache misses and batched usage counts.
    handle = connectPostgres(settings.database.url, Math.min(4, settings.database.poolSize));
    setDbHandle(handle);
    await migrateIfNeeded(handle);
    nextProcess.schemaIsCurrent();
  } else {
    // The Next.js process owns PGlite (one process per folder) and migrates it before it answers.
    handle = bridgeHandle(nextProcess.database);
    setDbHandle(handle);
  }
  nextProcess.onExit((code) => {
    if (stopping) return;
    console.error(JSON.stringify({ level: "error", msg: "the Next.js process exited; stopping", code }));
    if (!listening) process.exit(1);
    void shutdown("next-exit", 1);
  });

  const checker = await getTokenChecker();
  // Warm the token cache in the background: requests are answered meanwhile (misses read the database).
  const preloadStarted = Date.now();
  checker
    .preload()
    .then((n) => log("token cache warmed", { tokens: n, ms: Date.now() - preloadStarted }))
    .catch((err: unknown) => console.error(JSON.stringify({ level: "warn", msg: "token cache warm-up failed", err: String(err) })));
  const usage = new UsageRecorder(() => handle.db, { tickMs: settings.tokenUsageFlushMs, delayMs: settings.tokenUsageDelayMs }).start();
  // Package downloads of org channels, counted like token uses.
  const downloads = new DownloadRecorder(() => handle.db).start(settings.tokenUsageFlushMs);
  const metrics = createMetrics(outboxBacklog);
  // Verdicts are counted for /api/metrics.
  checker.onVerdict = (valid) => metrics.observeTokenCheck(valid ? "valid" : "invalid");
  // Every answer (hot path, API, pages) carries these; pages get their CSP from proxy.ts.
  const securityHeaders = Object.entries(baseSecurityHeaders(settings.appUrl));
  const hotPath = createHotPath({
    checker,
    usage,
    downloads,
    channelsDir: path.resolve(root, settings.channelsDir ?? "channels"),
    answerHeaders: Object.entries(nonPageHeaders(settings.appUrl)).flat(),
  });

  const server = http.createServer(
    instrument(metrics, (req, res, requestId) => {
      // The real TCP peer, for the client address (TRUSTED_PROXIES): the Next.js process sees only this one.
      stampPeerAddress(req);
      // It writes its answers' headers itself, these ones included.
      if (hotPath(req, res, requestId)) return;
      res.setHeader("x-request-id", requestId);
      for (const [name, value] of securityHeaders) res.setHeader(name, value);
      if (isNonPagePath(req.url?.split("?")[0] ?? "/")) res.setHeader("content-security-policy", NON_PAGE_CSP);
      // GET /api/metrics: Prometheus text format, only for the bearer of METRICS_TOKEN.
      if (serveMetricsEndpoint(metrics, req, res)) return;
      nextProcess.proxy(req, res);
    }),
  );
  // Package managers and nginx keep connections open between requests.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () =>
    log("server listening", {
      url: `http://${hostname ?? "localhost"}:${port}`,
      database: handle.kind,
      pid: process.pid,
      ms: Math.round(performance.now()),
    }),
  );
  listening = true;
  nextProcess.ready.then(
    () => log("next.js ready", { ms: Math.round(performance.now()) }),
    () => {},
  );

  async function shutdown(signal: string, code = 0) {
    if (stopping) return;
    stopping = true;
    log("shutting down", { signal });
    setTimeout(() => process.exit(1), 10_000).unref();
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeIdleConnections();
    });
    // Counts are written first: on PGlite they travel through the Next.js process.
    await usage.stop().catch(() => {});
    await downloads.stop().catch(() => {});
    await closeTokenChecker();
    await nextProcess.stop();
    await handle.close();
    process.exit(code);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

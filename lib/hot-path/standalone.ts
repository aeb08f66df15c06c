// The hot path alone on node:http (no Next.js): used by the two-process test.
// `PORT=0` picks a free port; the chosen one is printed as JSON on the first line of stdout.
import http from "node:http";
import path from "node:path";
import { getDbHandle } from "@/db/client";
import { closeTokenChecker, getTokenChecker } from "@/lib/domain/tokens/check/check-token";
import { outboxBacklog } from "@/lib/email/backlog";
import { instrument } from "@/lib/observability/instrument";
import { createMetrics } from "@/lib/observability/metrics";
import { UsageRecorder } from "@/lib/domain/tokens/check/usage";
import { DownloadRecorder } from "@/lib/domain/packages/downloads";
import { configOrExit } from "@/lib/config";
import { createHotPath } from "./handler";

const settings = configOrExit();

const checker = await getTokenChecker();
await checker.preload();
const usage = new UsageRecorder(() => getDbHandle().db, {
  tickMs: settings.tokenUsageFlushMs,
  delayMs: settings.tokenUsageDelayMs,
}).start();
// Package downloads of org channels, counted like token uses.
const downloads = new DownloadRecorder(() => getDbHandle().db).start(settings.tokenUsageFlushMs);
const hotPath = createHotPath({ checker, usage, downloads, channelsDir: path.resolve(settings.channelsDir ?? "channels") });
// Wrapped like server.ts (request ids, metrics), so the test runs what production runs.
const server = http.createServer(
  instrument(createMetrics(outboxBacklog), (req, res, requestId) => {
    if (!hotPath(req, res, requestId)) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not found.\n");
    }
  }),
);
server.keepAliveTimeout = 65_000;
server.listen(settings.port, settings.hostname ?? "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ ready: true, port: typeof address === "object" && address ? address.port : null, pid: process.pid }));
});

const stop = async () => {
  if (settings.benchDebug) console.error(JSON.stringify({ stats: checker.stats, cached: checker.cacheSize }));
  server.close();
  server.closeAllConnections();
  await usage.stop().catch(() => {});
  await downloads.stop().catch(() => {});
  await closeTokenChecker();
  await getDbHandle().close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

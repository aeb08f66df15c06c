// WEB_CONCURRENCY=N: N server.ts processes share one port through node:cluster, each with its own
// Next.js process, token cache and LISTEN connection. Safe on PostgreSQL because every piece of
// shared state already lives there: token caches are invalidated by NOTIFY from triggers, the
// email outbox and webhook deliveries are claimed with FOR UPDATE SKIP LOCKED, rate limits and
// sessions are rows (docs/operations.md, section 4). lib/config.ts refuses N > 1 on PGlite.
import cluster, { type Worker } from "node:cluster";
import type { Config } from "@/lib/config";

const log = (msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level: "info", msg, ...extra }));

export const isClusterPrimary = (settings: Config) => settings.webConcurrency > 1 && cluster.isPrimary;

/** The primary: migrates once, starts the workers, replaces one that dies. Never returns. */
export async function superviseWorkers(settings: Config): Promise<never> {
  // Loaded here: every server.ts imports this module, and a worker must not wait for these.
  const { connectPostgres } = await import("@/db/client");
  const { migrateIfNeeded } = await import("@/db/migrations-runner");
  const handle = connectPostgres(settings.database.url!, 1);
  await migrateIfNeeded(handle);
  await handle.close();

  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    // One that dies at start would die again: stop everything instead of looping.
    if (lived < 15_000) {
      console.error(JSON.stringify({ level: "error", msg: "a server process failed at start; stopping", code, signal }));
      stopping = true;
      for (const w of startedAt.keys()) w.process.kill("SIGTERM");
      if (startedAt.size === 0) process.exit(1);
      setTimeout(() => process.exit(1), 12_000).unref();
      return;
    }
    console.error(JSON.stringify({ level: "error", msg: "a server process exited; starting another", code, signal }));
    fork();
  });
  for (let i = 0; i < settings.webConcurrency; i++) fork();
  log("server processes started", { processes: settings.webConcurrency, port: settings.port });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of startedAt.keys()) w.process.kill("SIGTERM");
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return new Promise<never>(() => {});
}

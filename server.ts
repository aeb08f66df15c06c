// The app's HTTP server (`npm start` runs it with tsx). Two processes (docs/decisions/014): this
// one answers the token check and the token-gated channel on node:http (lib/server/front-server.ts)
// and passes everything else to the Next.js app process it starts (lib/server/next-process.ts)
// over a private Unix socket. Next.js is not loaded here: in a process that loads it, every
// request pays for its AsyncLocalStorage hooks and process-wide patches.
// The Next.js process is started first thing, before this one loads the rest of its modules: it
// is the longer of the two starts (Next.js, and on the embedded database PGlite, which it owns).
// WEB_CONCURRENCY=N (PostgreSQL only) runs N of these on one port (lib/server/cluster.ts).
import { configOrExit } from "@/lib/config";
import { startNextProcess } from "@/lib/server/next-proxy";
import { isClusterPrimary, superviseWorkers } from "@/lib/server/cluster";

// Before anything else: a wrong variable stops the start here with one line naming it.
const settings = configOrExit();
const root = import.meta.dirname;

// WEB_CONCURRENCY=N: this process only migrates, starts N workers (each runs the code below) and
// restarts one that dies; it never returns.
if (isClusterPrimary(settings)) await superviseWorkers(settings);

// The background workers (email outbox, webhook deliveries, sweeper) run in the Next.js process,
// away from the token check (lib/server/next-process.ts).
const nextProcess = startNextProcess(root, !settings.database.url);
const { startFrontServer } = await import("@/lib/server/front-server");
await startFrontServer(settings, root, nextProcess);

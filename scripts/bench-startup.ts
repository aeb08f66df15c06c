// npm run bench:startup: how long `npm start` (build present) takes to answer its first request on
// the embedded database: once on a new data folder (every migration runs), then BENCH_ROUNDS
// restarts on the same folder (default 3), the usual case. For each: the first answer of the token
// check (server.ts) and the first 200 of GET /api/health (through Next.js, with a database query).
// Beside it, in the same run, the limit: a bare `node -e` http server answering its first request.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadavg, median, startNpmStart, stopAll, stopServer, waitFor } from "./lib/bench-servers";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3252);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-startup-"));
const env = { DATABASE_URL: "", PGLITE_DIR: path.join(dir, "data") };

/** A bare node process that listens and answers: the floor under any server's start. */
async function bareNode(): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["-e", `require("node:http").createServer((q, s) => s.end("ok")).listen(${PORT + 1}, "127.0.0.1")`],
    {
      stdio: "ignore",
      detached: true,
    },
  );
  try {
    return await waitFor(`http://127.0.0.1:${PORT + 1}/`, child, started);
  } finally {
    await stopServer(child);
  }
}

/** Starts npm start, times its first token check answer and its first healthy /api/health. */
async function npmStart(label: string) {
  const started = performance.now();
  const firstCheck = (async () => {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${PORT}/api/tokens/check`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 401) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const app = await startNpmStart(env, PORT, path.join(dir, `${label}.log`));
  const checkMs = await firstCheck;
  await stopServer(app.child);
  return { checkMs, healthyMs: app.healthyMs };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  console.log(`npm start on the embedded database, build present; ${os.cpus().length} cores, load avg ${loadavg()}`);
  const fresh = await npmStart("fresh");
  console.log(`  new data folder (all migrations):  token check ${s(fresh.checkMs)}, /api/health ${s(fresh.healthyMs)}`);
  const restarts: number[] = [];
  const bares: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await bareNode();
    const again = await npmStart(`restart-${round}`);
    restarts.push(again.healthyMs);
    bares.push(bare);
    console.log(
      `  restart ${round}: token check ${s(again.checkMs)}, /api/health ${s(again.healthyMs)} | bare node first answer ${s(bare)} | load avg ${loadavg()}`,
    );
  }
  const m = median(restarts);
  console.log(
    `  median restart to first /api/health: ${s(m)} (target < 3 s: ${m < 3000 ? "met" : "MISSED"}); bare node ${s(median(bares))}`,
  );
} catch (err) {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);

// npm run bench:tokens [pglite|postgres|cores]: the token check of the server `npm start` runs,
// measured from outside. 100,000 issued tokens; `npm start` (production build, request logging and
// metrics as shipped) on the embedded database and on PostgreSQL; autocannon with 50 connections
// from this process; and, in the same run, the physical limit: a bare node:http server doing
// SHA-256 plus a Map lookup. Loads alternate bare / npm start, with one hot token and spread over
// every token, BENCH_ROUNDS times (default 3) of BENCH_SECONDS each (default 8); each line prints
// both, the ratio, p99, CPU time per request of each (all processes of each server) and the load
// average: on a shared machine CPU per request is the steadier figure.
// `cores`: PostgreSQL with WEB_CONCURRENCY=1 and 2 beside a bare server of 1 and 2 processes.
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server `npm test` uses; a
// scratch database is created and dropped. The build must exist (`npx next build`).
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { connectPglite, connectPostgres } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import { seedTokens } from "./lib/bench-token-seed";
import {
  CONNECTIONS,
  load,
  loadavg,
  median,
  startBare,
  startNpmStart,
  stopAll,
  stopServer,
  waitForWarmCache,
  type Load,
} from "./lib/bench-servers";

const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3251);
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-tokens-logs-"));

type Server = { url: string; child: ChildProcess };
const fmt = (l: Load) =>
  `${l.rps.toFixed(0).padStart(6)} req/s p99 ${String(l.p99).padStart(3)} ms ${l.cpuUsPerRequest.toFixed(0).padStart(3)} us CPU/req`;

/** Rounds of bare, then npm start, for each shape; prints each pair and the medians. */
async function compare(label: string, app: Server, bare: Server, tokens: string[]) {
  const ratios: Record<string, number[]> = { hot: [], spread: [] };
  const efficiency: Record<string, number[]> = { hot: [], spread: [] };
  const p99s: Record<string, number[]> = { hot: [], spread: [] };
  const rates: Record<string, number[]> = { hot: [], spread: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const shape of ["hot", "spread"] as const) {
      const spread = shape === "spread";
      const before = loadavg();
      const limit = await load(bare.url, tokens, SECONDS, spread, bare.child);
      const ours = await load(app.url, tokens, SECONDS, spread, app.child);
      const ratio = ours.rps / limit.rps;
      const cpuRatio = limit.cpuUsPerRequest / ours.cpuUsPerRequest;
      ratios[shape].push(ratio);
      efficiency[shape].push(cpuRatio);
      p99s[shape].push(ours.p99);
      rates[shape].push(ours.rps);
      console.log(
        `  ${label} round ${round} ${shape.padEnd(6)}  bare ${fmt(limit)} | npm start ${fmt(ours)} (${ours.ok} x 204, ${ours.other} other) | ratio ${ratio.toFixed(2)}, CPU/req ratio ${cpuRatio.toFixed(2)} | load avg ${before}`,
      );
    }
  }
  for (const shape of ["hot", "spread"] as const) {
    const ratio = median(ratios[shape]);
    const p99 = Math.max(...p99s[shape]);
    console.log(
      `  ${label} ${shape.padEnd(6)} median ${median(rates[shape]).toFixed(0)} req/s, ratio ${ratio.toFixed(2)} (target >= 0.5: ${ratio >= 0.5 ? "met" : "MISSED"}), CPU per request ${median(efficiency[shape]).toFixed(2)} of the bare server's efficiency, worst p99 ${p99} ms (target < 5 ms: ${p99 < 5 ? "met" : "MISSED"})`,
    );
  }
  return ratios;
}

async function measure(label: string, env: Record<string, string>, tokens: string[]) {
  const bare = await startBare(tokens);
  try {
    const app = await startNpmStart(env, PORT, path.join(logDir, `${label}.log`));
    console.log(`  npm start answered /api/health after ${(app.healthyMs / 1000).toFixed(1)} s`);
    try {
      console.log(`  ${(await waitForWarmCache(app.logFile)).join(" ")}`);
      // Every token once (what a running server has seen), and the JIT warm on both servers.
      await load(app.url, tokens, Math.max(3, SECONDS / 2), true);
      await load(bare.url, tokens, 2, true);
      await compare(label, app, bare, tokens);
    } finally {
      await stopServer(app.child);
    }
  } finally {
    await stopServer(bare.child);
    bare.cleanup();
  }
}

async function withPostgres(run: (url: string, tokens: string[]) => Promise<void>) {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";
  const name = `portal_bench_tokens_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`PostgreSQL: skipped (${(err as Error).message})`);
    return;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  await admin.query(`create database "${name}"`);
  try {
    const handle = connectPostgres(url.toString(), 4);
    await runMigrations(handle);
    const tokens = await seedTokens(handle, TOKENS);
    await handle.close();
    await run(url.toString(), tokens);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function benchPostgres() {
  console.log(`PostgreSQL: npm start vs bare node:http, ${CONNECTIONS} connections, ${SECONDS} s per load, ${os.cpus().length} cores`);
  await withPostgres((url, tokens) => measure("postgres", { DATABASE_URL: url, WEB_CONCURRENCY: "1" }, tokens));
}

async function benchPglite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pglite-"));
  try {
    console.log(
      `PGlite (embedded): npm start vs bare node:http, ${CONNECTIONS} connections, ${SECONDS} s per load, ${os.cpus().length} cores`,
    );
    const dataDir = path.join(dir, "data");
    const handle = connectPglite(dataDir);
    await runMigrations(handle);
    const tokens = await seedTokens(handle, TOKENS);
    // One process per PGlite folder: close it before the server opens it.
    await handle.close();
    await measure("pglite", { DATABASE_URL: "", PGLITE_DIR: dataDir }, tokens);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** WEB_CONCURRENCY=1 and 2 on PostgreSQL, each beside a bare server with as many processes. */
async function benchCores() {
  console.log(`All cores: npm start with WEB_CONCURRENCY=1 and 2 on PostgreSQL, ${os.cpus().length} cores shared with the load generator`);
  await withPostgres(async (url, tokens) => {
    const summary: string[] = [];
    for (const n of [1, 2]) {
      const bare = await startBare(tokens, n, PORT + 8);
      const app = await startNpmStart({ DATABASE_URL: url, WEB_CONCURRENCY: String(n) }, PORT, path.join(logDir, `cores-${n}.log`));
      try {
        await waitForWarmCache(app.logFile, n);
        await load(app.url, tokens, Math.max(3, SECONDS / 2), true);
        await load(bare.url, tokens, 2, true);
        const rates: number[] = [];
        const bares: number[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          const before = loadavg();
          const b = await load(bare.url, tokens, SECONDS, true, bare.child);
          const a = await load(app.url, tokens, SECONDS, true, app.child);
          rates.push(a.rps);
          bares.push(b.rps);
          console.log(
            `  ${n} process(es) round ${round}: bare ${fmt(b)} | npm start ${fmt(a)} | ratio ${(a.rps / b.rps).toFixed(2)} | load avg ${before}`,
          );
        }
        summary.push(`  WEB_CONCURRENCY=${n}: npm start ${median(rates).toFixed(0)} req/s, bare x${n} ${median(bares).toFixed(0)} req/s`);
      } finally {
        await stopServer(app.child);
        await stopServer(bare.child);
        bare.cleanup();
      }
    }
    for (const line of summary) console.log(line);
    if (os.cpus().length <= 2)
      console.log(
        `  This machine has ${os.cpus().length} cores and autocannon runs on them too: a second process competes with the load generator, so scaling cannot show here.`,
      );
  });
}

const only = process.argv[2];
try {
  if (!only || only === "pglite") await benchPglite();
  if (!only || only === "postgres") await benchPostgres();
  if (only === "cores") await benchCores();
  console.log(`(server logs in ${logDir})`);
} catch (err) {
  // Drizzle puts the statement's parameters (100,000 values) in its message: print the cause.
  const e = err as Error & { cause?: Error };
  console.error(`bench failed: ${(e.cause ?? e).message.slice(0, 500)}`);
  console.error(`(server logs in ${logDir})`);
  process.exitCode = 1;
}
stopAll();
process.exit(process.exitCode ?? 0);

// Servers and load for the token benchmarks: `npm start` itself in its own process group, the bare
// node:http limit, and autocannon at 50 connections from the benchmark's process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { nonPageHeaders } from "@/lib/http/security-headers";

export const CONNECTIONS = 50;

// The physical limit: node:http doing only what the check cannot avoid (SHA-256 of the token and a
// Map lookup) and writing the same answer: 204 with the same headers, of the same sizes (the
// security headers every answer carries, a request id, org, user and expiry). The load generator
// shares these cores and parses every answer, so a shorter answer would be a different load.
// BARE_WORKERS=N runs N of it (node:cluster).
const BARE_SERVER = `
const cluster = require("node:cluster"), http = require("node:http"), crypto = require("node:crypto"), fs = require("node:fs");
const workers = Number(process.env.BARE_WORKERS || 1);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let up = 0;
  cluster.on("message", (w, m) => { if (++up === workers) console.log(JSON.stringify({ port: m.port })); });
  process.on("SIGTERM", () => { for (const w of Object.values(cluster.workers)) w.kill(); process.exit(0); });
} else {
  const fixed = JSON.parse(process.env.BARE_HEADERS);
  const hit = { "x-org-id": crypto.randomUUID(), "x-user-id": crypto.randomUUID(), "x-token-expires-at": new Date().toISOString(), "cache-control": "no-store" };
  const map = new Map(JSON.parse(fs.readFileSync(process.env.TOKENS_FILE, "utf8")).map((t) => [crypto.createHash("sha256").update(t).digest("hex"), hit]));
  const server = http.createServer((req, res) => {
    const auth = req.headers.authorization || "";
    const found = map.get(crypto.createHash("sha256").update(auth.slice(7)).digest("hex"));
    if (found) { res.writeHead(204, { "x-request-id": crypto.randomUUID(), ...fixed, ...found }); res.end(); }
    else { res.writeHead(401); res.end(); }
  });
  server.keepAliveTimeout = 65000;
  server.listen(Number(process.env.BARE_PORT || 0), "127.0.0.1", () => {
    const port = server.address().port;
    if (process.send) process.send({ port }); else console.log(JSON.stringify({ port }));
  });
  process.on("SIGTERM", () => process.exit(0));
}`;

const children: ChildProcess[] = [];
export const stopAll = () => children.forEach((c) => c.exitCode === null && c.pid && kill(c, "SIGKILL"));
process.on("exit", stopAll);

// Each server runs in its own process group, so that stopping it reaches every process it started.
function kill(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

/** Stops a server's whole process group and waits until every process of it is gone. */
export async function stopServer(child: ChildProcess) {
  kill(child, "SIGTERM");
  // npm exits on the signal without waiting for its children: wait for the group, not the leader.
  const started = Date.now();
  for (;;) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      return;
    }
    if (Date.now() - started > 15_000) kill(child, "SIGKILL");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startBare(
  tokens: string[],
  workers = 1,
  port = 0,
): Promise<{ url: string; child: ChildProcess; cleanup: () => void }> {
  const tokensFile = `${os.tmpdir()}/bench-tokens-${process.pid}-${Date.now()}.json`;
  fs.writeFileSync(tokensFile, JSON.stringify(tokens));
  // A fixed port for the cluster: its workers share the one the primary names.
  // A file, not `node -e`: node:cluster forks the script it was started with.
  const script = `${os.tmpdir()}/bench-bare-${process.pid}-${Date.now()}.cjs`;
  fs.writeFileSync(script, BARE_SERVER);
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      TOKENS_FILE: tokensFile,
      BARE_WORKERS: String(workers),
      BARE_PORT: String(port),
      BARE_HEADERS: JSON.stringify(nonPageHeaders("http://localhost")),
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`,
    child,
    cleanup: () => [tokensFile, script].forEach((f) => fs.rmSync(f, { force: true })),
  };
}

/**
 * `npm start` as a person runs it (the build present, SKIP_BUILD so that a source edit by someone
 * else meanwhile does not start a build), with its stdout in a log file. Resolves once
 * GET /api/health answers 200, with how long that took.
 */
export async function startNpmStart(env: Record<string, string>, port: number, logFile: string) {
  const out = fs.openSync(logFile, "w");
  const started = performance.now();
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      SKIP_BUILD: "1",
      EMAIL_TRANSPORT: "mailbox",
      AUTH_SECRET: "bench-secret-0123456789abcdef",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  const healthyMs = await waitFor(`${url}/api/health`, child, started);
  return { url, child, healthyMs, logFile };
}

/** Waits until server.ts logged that its token cache holds every token (its warm-up at start). */
export async function waitForWarmCache(logFile: string, processes = 1, timeoutMs = 300_000) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const warmed = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((l) => l.includes('"token cache warmed"'));
    // WEB_CONCURRENCY=N: every process warms its own cache.
    if (warmed.length >= processes) return warmed;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the token cache did not warm up");
}

export async function waitFor(url: string, child: ChildProcess, started: number, timeoutMs = 240_000): Promise<number> {
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering ${url}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

export type Load = { rps: number; p50: number; p99: number; ok: number; other: number; cpuUsPerRequest: number };

/**
 * CPU time (user + system, in ms) of every process of a server's process group, from /proc (Linux).
 * Per request, it is a figure the shared machine disturbs far less than req/s: when the load
 * generator is the limit both servers idle, but each request still costs what it costs.
 */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      // After "pid (comm) ": state ppid pgrp ... utime (14th field) and stime (15th).
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return ticks * (1000 / 100);
}

/**
 * One load: a single hot token, or requests spread round-robin over every token. `server`: the
 * process group whose CPU time is counted.
 */
export async function load(url: string, tokens: string[], seconds: number, spread: boolean, server?: ChildProcess): Promise<Load> {
  let i = 0;
  const request = spread
    ? { setupRequest: (req: object) => ({ ...req, headers: { authorization: `Bearer ${tokens[i++ % tokens.length]}` } }) }
    : { headers: { authorization: `Bearer ${tokens[0]}` } };
  const cpuBefore = server ? groupCpuMs(server.pid!) : 0;
  const result = await autocannon({ url: `${url}/api/tokens/check`, connections: CONNECTIONS, duration: seconds, requests: [request] });
  const cpuMs = server ? groupCpuMs(server.pid!) - cpuBefore : 0;
  return {
    cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, result.requests.total),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

export const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

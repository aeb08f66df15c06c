// npm run bench:tokens: the token check hot path under load (package downloads call it per file).
// For PostgreSQL and for PGlite: 100,000 issued tokens; the hot path server
// (lib/hot-path/standalone.ts, the same handler server.ts mounts) in its own process; autocannon
// with 50 connections from this process; and, in the same run, a bare node:http server that
// answers 204 from an in-memory Map (the physical limit here). Prints req/s of both, the ratio
// and p50/p99. Loopback only; each load lasts BENCH_SECONDS (default 10).
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server `npm test` uses;
// a scratch database is created and dropped. Skipped when unreachable.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import { connectPglite, connectPostgres, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import { generateToken, hashToken } from "@/lib/domain/tokens/member/format";

const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const ORGS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const BARE_SERVER = `
const http = require("node:http"), crypto = require("node:crypto"), fs = require("node:fs");
const map = new Map(JSON.parse(fs.readFileSync(process.env.TOKENS_FILE, "utf8")).map((t) => [crypto.createHash("sha256").update(t).digest("hex"), { org: "o", user: "u" }]));
const server = http.createServer((req, res) => {
  const auth = req.headers.authorization || "";
  const hit = map.get(crypto.createHash("sha256").update(auth.slice(7)).digest("hex"));
  if (hit) { res.writeHead(204, { "x-org-id": hit.org, "x-user-id": hit.user }); res.end(); }
  else { res.writeHead(401); res.end(); }
});
server.keepAliveTimeout = 65000;
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.on("SIGTERM", () => process.exit(0));`;

const children: ChildProcess[] = [];
const cleanup = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
process.on("exit", cleanup);

async function seed(handle: DbHandle): Promise<string[]> {
  const db = handle.db;
  const started = Date.now();
  const perOrg = Math.ceil(TOKENS / ORGS);
  const now = new Date();
  const periodEnd = new Date(now.getTime() + 365 * 86_400_000);
  // Users, orgs, seated memberships and active subscriptions by set-based SQL; then the tokens.
  await db.execute(sql`insert into organizations (slug, name) select 'bench-' || i, 'Bench ' || i from generate_series(1, ${ORGS}) i`);
  await db.execute(
    sql`insert into users (name, email) select 'Bench ' || i, 'bench-' || i || '@example.test' from generate_series(1, ${TOKENS}) i`,
  );
  await db.execute(sql`
    insert into memberships (org_id, user_id, role, seat_assigned_at)
    select o.id, u.id, 'member', now()
    from (select id, row_number() over (order by email) - 1 as n from users where email like 'bench-%') u
    join (select id, row_number() over (order by slug) - 1 as n from organizations where slug like 'bench-%') o
      on o.n = u.n / ${perOrg}`);
  await db.execute(sql`
    insert into subscriptions (org_id, seats, billing_cycle, status, current_period_start, current_period_end)
    select id, 100000, 'yearly', 'active', ${now.toISOString()}, ${periodEnd.toISOString()} from organizations where slug like 'bench-%'`);
  const { rows } = (await db.execute(sql`select org_id, user_id from memberships order by org_id, user_id`)) as unknown as {
    rows: Array<{ org_id: string; user_id: string }>;
  };
  const tokens: string[] = [];
  for (let i = 0; i < rows.length; i += 2_000) {
    const chunk = rows.slice(i, i + 2_000).map((m) => {
      const token = generateToken();
      tokens.push(token);
      return { org: m.org_id, user: m.user_id, hash: hashToken(token), last4: token.slice(-4) };
    });
    const arr = (xs: string[]) => `{${xs.join(",")}}`;
    await db.execute(sql`
      insert into member_tokens (org_id, user_id, token_hash, last4, expires_at)
      select o, u, h, l, ${periodEnd.toISOString()}
      from unnest(${arr(chunk.map((c) => c.org))}::uuid[], ${arr(chunk.map((c) => c.user))}::uuid[],
                  ${arr(chunk.map((c) => c.hash))}::text[], ${arr(chunk.map((c) => c.last4))}::text[]) as x(o, u, h, l)`);
  }
  await db.execute(sql`analyze`);
  console.log(`  seeded ${tokens.length.toLocaleString("en")} tokens in ${ORGS} orgs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return tokens;
}

async function spawnServer(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child };
}

async function load(url: string, tokens: string[], seconds: number) {
  let i = 0;
  const result = await autocannon({
    url: `${url}/api/tokens/check`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${tokens[i++ % tokens.length]}` } }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

async function runFor(kind: "postgres" | "pglite", serverEnv: Record<string, string>, tokens: string[]) {
  const tokensFile = path.join(os.tmpdir(), `bench-tokens-${process.pid}.json`);
  fs.writeFileSync(tokensFile, JSON.stringify(tokens));
  try {
    const hot = await spawnServer(["--import", "tsx", "lib/hot-path/standalone.ts"], { ...serverEnv, PORT: "0" });
    // Warm the cache with every token once (what a running server would have), then measure.
    await load(hot.url, tokens, Math.max(3, Math.ceil(SECONDS / 2)));
    const check = await load(hot.url, tokens, SECONDS);
    await stop(hot.child);
    const bare = await spawnServer(["-e", BARE_SERVER], { TOKENS_FILE: tokensFile });
    await load(bare.url, tokens, 2);
    const base = await load(bare.url, tokens, SECONDS);
    await stop(bare.child);
    const ratio = check.rps / base.rps;
    console.log(`  bare node:http + Map       ${base.rps.toFixed(0).padStart(7)} req/s   p50 ${base.p50} ms   p99 ${base.p99} ms`);
    console.log(
      `  /api/tokens/check (${kind.padEnd(8)}) ${check.rps.toFixed(0).padStart(7)} req/s   p50 ${check.p50} ms   p99 ${check.p99} ms   (${check.ok} x 204, ${check.other} other)`,
    );
    console.log(
      `  ratio ${ratio.toFixed(2)} (target >= 0.4: ${ratio >= 0.4 ? "met" : "MISSED"}), p99 ${check.p99} ms (target < 10 ms: ${check.p99 < 10 ? "met" : "MISSED"})`,
    );
    return { kind, ratio, check, base };
  } finally {
    fs.rmSync(tokensFile, { force: true });
  }
}

async function benchPostgres() {
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
    console.log(`PostgreSQL (${url.host}), ${CONNECTIONS} connections, ${SECONDS} s per load`);
    const handle = connectPostgres(url.toString(), 4);
    await runMigrations(handle);
    const tokens = await seed(handle);
    await handle.close();
    await runFor("postgres", { DATABASE_URL: url.toString(), EMAIL_TRANSPORT: "mailbox" }, tokens);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function benchPglite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pglite-"));
  try {
    console.log(`PGlite (embedded, in the server process), ${CONNECTIONS} connections, ${SECONDS} s per load`);
    const dataDir = path.join(dir, "data");
    const handle = connectPglite(dataDir);
    await runMigrations(handle);
    const tokens = await seed(handle);
    // One process per PGlite folder: close it before the server opens it.
    await handle.close();
    await runFor("pglite", { DATABASE_URL: "", PGLITE_DIR: dataDir }, tokens);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const only = process.argv[2];
try {
  if (!only || only === "postgres") await benchPostgres();
  if (!only || only === "pglite") await benchPglite();
} catch (err) {
  // Drizzle puts the statement's parameters (100,000 values) in its message: print the cause.
  const e = err as Error & { cause?: Error };
  console.error(`bench failed: ${(e.cause ?? e).message.slice(0, 500)}`);
  process.exitCode = 1;
}
cleanup();
process.exit(process.exitCode ?? 0);

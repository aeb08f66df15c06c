// npm run bench:invitations: a 10,000-row CSV from upload to report, and the first page of the
// Invitations table with 10,000 pending, on embedded PGlite and on PostgreSQL.
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server `npm test` uses;
// a scratch database is created there and dropped afterwards. Skipped when unreachable.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { count, eq } from "drizzle-orm";
import pg from "pg";
import { t } from "@/db";
import { connectPglite, connectPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import type { Actor } from "@/lib/authz/actor";
import { inviteFromCsv } from "@/lib/domain/invitations/invite-members";
import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { createOrganization } from "@/lib/domain/organizations/create-organization";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ROWS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** A realistic export: a header, names with commas in quotes, CRLF, some mixed case. */
function makeCsv(prefix: string) {
  const lines = ["Name,Email,Team"];
  for (let i = 0; i < ROWS; i++)
    lines.push(`"Person ${i}, Jr.",${i % 7 === 0 ? `${prefix}.${i}@Example.COM` : `${prefix}.${i}@example.com`},R&D`);
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

async function adminAndOrg(database: DbHandle["db"]): Promise<{ admin: Actor; slug: () => Promise<string> }> {
  const [user] = await database
    .insert(t.users)
    // Verified: creating an organization needs a verified address.
    .values({ name: "Bench Admin", email: `bench-${randomBytes(4).toString("hex")}@example.com`, emailVerifiedAt: new Date() })
    .returning();
  const admin: Actor = { kind: "user", userId: user.id, label: user.email!, ip: "127.0.0.1" };
  return {
    admin,
    slug: async () => (await createOrganization(admin, { name: "Bench Org", orgId: `bench-${randomBytes(4).toString("hex")}` })).slug,
  };
}

async function bench(kind: string, handle: DbHandle) {
  await runMigrations(handle);
  setDbHandle(handle);
  const { admin, slug } = await adminAndOrg(handle.db);
  // Warm-up: the first render of the email template and the first queries compile code paths.
  await inviteFromCsv(admin, await slug(), new TextEncoder().encode("email\nwarm@example.com\n"));

  const times: number[] = [];
  const memory: number[] = [];
  let lastSlug = "";
  for (let run = 0; run < RUNS; run++) {
    lastSlug = await slug();
    const file = makeCsv(`run${run}`);
    gc();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await inviteFromCsv(admin, lastSlug, file, { fileName: "bench.csv" });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (report.counts.invited !== ROWS) throw new Error(`expected ${ROWS} invited, got ${JSON.stringify(report.counts)}`);
    times.push(ms);
    memory.push(peak - base);
    // CPU time of this process: with PGlite that is the database's work too, and unlike wall
    // time it does not grow when other programs compete for the machine's two cores.
    console.log(
      `  ${kind} run ${run + 1}: ${ms.toFixed(0)} ms, ${Math.round((ROWS / ms) * 1000).toLocaleString("en")} rows/s, ` +
        `app process CPU ${cpuMs.toFixed(0)} ms, peak RSS +${mb(peak - base)}`,
    );
  }
  const [{ n: outbox }] = await handle.db.select({ n: count() }).from(t.emailOutbox).where(eq(t.emailOutbox.template, "invitation"));

  // The Invitations page: first page and count with 10,000 pending in the org (plus other orgs' rows).
  const pageTimes: number[] = [];
  const searchTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    let s = performance.now();
    const page = await listInvitations(admin, lastSlug, { page: 1 });
    pageTimes.push(performance.now() - s);
    if (page.total !== ROWS || page.rows.length !== page.pageSize) throw new Error("unexpected first page");
    s = performance.now();
    await listInvitations(admin, lastSlug, { q: "99@", page: 1 });
    searchTimes.push(performance.now() - s);
  }

  const best = median(times);
  console.log(
    `${kind}: 10,000-row CSV upload to report: median ${best.toFixed(0)} ms (${Math.round((ROWS / best) * 1000).toLocaleString("en")} rows/s), ` +
      `worst ${Math.max(...times).toFixed(0)} ms; peak RSS increase max ${mb(Math.max(...memory))}; outbox rows ${outbox.toLocaleString("en")}`,
  );
  console.log(
    `${kind}: Invitations first page with 10,000 pending: median ${median(pageTimes).toFixed(1)} ms, p95 ${pct(pageTimes, 0.95).toFixed(1)} ms; ` +
      `search median ${median(searchTimes).toFixed(1)} ms`,
  );
  return { kind, uploadMs: best, pageMs: median(pageTimes), memory: Math.max(...memory) };
}

async function withPostgres<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T | null> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";
  const name = `bench_invitations_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`postgres: skipped (not reachable at ${base}: ${(err as Error).message})`);
    return null;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString());
  try {
    return await fn(handle);
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const results = [];
console.log(`bench:invitations — ${ROWS.toLocaleString("en")} rows, ${RUNS} runs per database (each into a fresh org)`);
console.log(
  `load average before: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${os.cpus().length} cores (figures are wall time: a busy machine inflates them)`,
);
// A data folder on disk, as the app's server uses (not an in-memory database).
const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-invitations-"));
const pglite = connectPglite(path.join(pgliteDir, "data"));
try {
  results.push(await bench("pglite", pglite));
} finally {
  await pglite.close();
  fs.rmSync(pgliteDir, { recursive: true, force: true });
}
const onPg = await withPostgres((handle) => bench("postgres", handle));
if (onPg) results.push(onPg);

console.log("\nsummary (targets: upload < 3000 ms, memory < 150 MB, first page < 150 ms)");
for (const r of results) {
  const ok = r.uploadMs < 3000 && r.memory < 150 * 1024 * 1024 && r.pageMs < 150;
  console.log(
    `  ${r.kind.padEnd(8)} upload ${r.uploadMs.toFixed(0)} ms · memory +${mb(r.memory)} · first page ${r.pageMs.toFixed(1)} ms · ${ok ? "within targets" : "OVER TARGET"}`,
  );
}

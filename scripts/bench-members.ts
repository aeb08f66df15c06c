// npm run bench:members: the Users page's first page with 10,000 members (the server's query
// time, as the page's server component runs it), and bulk assign of 1,000 seats in one request,
// on embedded PGlite and on PostgreSQL.
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server `npm test` uses;
// a scratch database is created there and dropped afterwards. Skipped when unreachable.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { t } from "@/db";
import { connectPglite, connectPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import type { Actor } from "@/lib/authz/actor";
import { listMembers } from "@/lib/domain/members/list-members";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { assignSeats } from "@/lib/domain/seats/assign-seats";
import { revokeSeats } from "@/lib/domain/seats/revoke-seats";
import type { ListMembersQuery } from "@/lib/validation/members";

const MEMBERS = 10_000;
const BULK = 1_000;
const PAGE_RUNS = Number(process.env.BENCH_RUNS ?? 30);
const BULK_RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function seed(handle: DbHandle) {
  const db = handle.db;
  const [user] = await db
    .insert(t.users)
    .values({ name: "Bench Admin", email: `bench-${randomBytes(4).toString("hex")}@example.com` })
    .returning();
  const admin: Actor = { kind: "user", userId: user.id, label: user.email!, ip: "127.0.0.1" };
  const org = await createOrganization(admin, { name: "Bench Org", orgId: `bench-${randomBytes(4).toString("hex")}` });
  const ids: string[] = [];
  for (let start = 0; start < MEMBERS - 1; start += 2_000) {
    const n = Math.min(2_000, MEMBERS - 1 - start);
    const users = await db
      .insert(t.users)
      .values(Array.from({ length: n }, (_, i) => ({ name: `Person ${start + i}`, email: `person.${start + i}@example.com` })))
      .returning({ id: t.users.id });
    await db
      .insert(t.memberships)
      .values(users.map((u, i) => ({ orgId: org.id, userId: u.id, role: (i % 50 === 0 ? "billing_manager" : "member") as "member" })));
    ids.push(...users.map((u) => u.id));
  }
  const now = new Date();
  await db.insert(t.subscriptions).values({
    orgId: org.id,
    seats: 100_000,
    billingCycle: "yearly",
    currentPeriodStart: now,
    currentPeriodEnd: new Date(now.getTime() + 365 * 86_400_000),
  });
  // Some members already hold a seat and a token, as in a real org.
  await assignSeats(admin, org.slug, { userIds: ids.slice(0, 2_000) });
  await db.insert(t.memberTokens).values(
    ids.slice(0, 2_000).map((userId) => ({
      orgId: org.id,
      userId,
      tokenHash: randomBytes(16).toString("hex"),
      last4: "abcd",
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
    })),
  );
  if (handle.kind === "postgres") await db.execute("analyze" as never);
  return { admin, slug: org.slug, ids };
}

async function timePage(admin: Actor, slug: string, query: ListMembersQuery) {
  for (let i = 0; i < 3; i++) await listMembers(admin, slug, query);
  const times: number[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) {
    const started = performance.now();
    const page = await listMembers(admin, slug, query);
    times.push(performance.now() - started);
    if (page.total === 0) throw new Error(`no rows for ${JSON.stringify(query)}`);
  }
  return times;
}

async function bench(kind: string, handle: DbHandle) {
  await runMigrations(handle);
  setDbHandle(handle);
  const seedStarted = performance.now();
  const { admin, slug, ids } = await seed(handle);
  console.log(`\n${kind}: ${MEMBERS.toLocaleString("en")} members seeded in ${ms(performance.now() - seedStarted)}`);

  const pages: Array<[string, ListMembersQuery]> = [
    ["Users page, first page (default: by name)", {}],
    ["search 'person 99' ", { q: "person 99" }],
    ["filter seat=no, role=member, by joined desc", { seat: "no", role: "member", sort: "joined", dir: "desc" }],
    ["page 200 of 400, sorted by email", { sort: "email", page: 200 }],
  ];
  for (const [label, query] of pages) {
    const times = await timePage(admin, slug, query);
    console.log(`  ${label.padEnd(46)} median ${ms(median(times)).padStart(9)}   p95 ${ms(p95(times)).padStart(9)}   (${PAGE_RUNS} runs)`);
  }

  const bulkTimes: number[] = [];
  for (let run = 0; run < BULK_RUNS; run++) {
    const batch = ids.slice(2_000 + run * BULK, 2_000 + (run + 1) * BULK);
    const started = performance.now();
    const report = await assignSeats(admin, slug, { userIds: batch });
    bulkTimes.push(performance.now() - started);
    if (report.results.some((r) => r.outcome !== "assigned")) throw new Error("bulk assign did not assign every seat");
  }
  console.log(
    `  bulk assign ${BULK.toLocaleString("en")} seats in one request           ${bulkTimes.map(ms).join(", ")}   (median ${ms(median(bulkTimes))})`,
  );
  const revokeStarted = performance.now();
  await revokeSeats(admin, slug, { userIds: ids.slice(2_000, 2_000 + BULK) });
  console.log(`  bulk revoke ${BULK.toLocaleString("en")} seats in one request           ${ms(performance.now() - revokeStarted)}`);
}

async function withPostgres(run: (handle: DbHandle) => Promise<void>) {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";
  const name = `portal_bench_members_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`\npostgres: skipped (${(err as Error).message}); set BENCH_DATABASE_URL to a server you can create databases on.`);
    return;
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString());
  try {
    await run(handle);
  } finally {
    await handle.close();
    // pool.end() can resolve a moment before the last socket closes; DROP ... FORCE would then
    // make that idle client log an error.
    await new Promise((r) => setTimeout(r, 250));
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  console.log("bench:members (targets: first page < 150 ms server time; bulk assign of 1,000 seats < 1 s)");
  const lite = connectPglite();
  try {
    await bench("pglite", lite);
  } finally {
    await lite.close();
  }
  await withPostgres((handle) => bench("postgres", handle));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

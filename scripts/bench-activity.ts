// npm run bench:activity: the activity log at 1,000,000 entries in PostgreSQL.
// - The Activity page's first page (the server's query time, as its server component runs it),
//   unfiltered and filtered by actor, by date range, by both, and by action + target.
// - GET /api/organizations/{orgId}/activity (the route handler with a real service-account
//   token: auth, rate limit, subscription check, query, JSON), filtered by actor and by date.
// - The CSV export of all 1,000,000 entries: time, and RSS sampled while it streams.
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server `npm test` uses;
// a scratch database is created there and dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { GET as activityRoute } from "@/app/api/organizations/[orgId]/activity/route";
import { t } from "@/db";
import { connectPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import type { Actor } from "@/lib/authz/actor";
import { exportActivity } from "@/lib/domain/activity/export-activity";
import { listActivity } from "@/lib/domain/activity/list-activity";
import { issueServiceAccountToken } from "@/lib/domain/tokens/api-access/issue-access-token";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import type { ActivityFilterInput } from "@/lib/validation/activity";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const ACTORS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DAYS = 365;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

async function seed(handle: DbHandle) {
  const db = handle.db;
  const [user] = await db
    .insert(t.users)
    .values({ name: "Bench Admin", email: `bench-${randomBytes(4).toString("hex")}@example.com` })
    .returning();
  const admin: Actor = { kind: "user", userId: user.id, label: user.email!, ip: "127.0.0.1" };
  const org = await createOrganization(admin, { name: "Bench Org", orgId: `bench-${randomBytes(4).toString("hex")}` });
  const now = new Date();
  await db.insert(t.subscriptions).values({
    orgId: org.id,
    seats: 1000,
    billingCycle: "yearly",
    currentPeriodStart: now,
    currentPeriodEnd: new Date(now.getTime() + 365 * 86_400_000),
  });
  const sa = await createServiceAccount(admin, org.slug, { name: "bench-bot" });
  const saToken = (await issueServiceAccountToken({ clientId: sa.client_id, clientSecret: sa.client_secret })).access_token;
  const actors = await db
    .insert(t.users)
    .values(Array.from({ length: ACTORS }, (_, i) => ({ name: `Actor ${i}`, email: `actor.${i}@example.com` })))
    .returning({ id: t.users.id, email: t.users.email });

  // 1,000,000 entries over the last year in one statement: ids follow time, as in the app.
  // Actors, actions and targets cycle with co-prime periods so every filter hits a spread of rows.
  const started = performance.now();
  await db.execute(sql`
    insert into activity (org_id, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, ip, metadata, created_at)
    select ${org.id}::uuid, 'user', (a.ids)[1 + g % ${ACTORS}], (a.emails)[1 + g % ${ACTORS}],
           (array['seat.assigned','seat.revoked','member.role_changed','invitation.created','token.issued','token.revoked','settings.changed'])[1 + g % 7],
           'user', 'u-' || (g % 5003), 'person.' || (g % 5003) || '@example.com', '198.51.100.' || (g % 250),
           jsonb_build_object('n', g),
           now() - interval '${sql.raw(String(DAYS))} days' + (g * (interval '${sql.raw(String(DAYS))} days' / ${ENTRIES}))
    from generate_series(1, ${ENTRIES}) g,
         (select array_agg(id::text order by email) ids, array_agg(email order by email) emails from users where email like 'actor.%') a`);
  const insertMs = performance.now() - started;
  await db.execute(sql`analyze activity`);
  return { admin, slug: org.slug, saToken, actor: actors[7].email!, insertMs };
}

async function timeIt(run: () => Promise<number>): Promise<{ times: number[]; rows: number }> {
  let rows = 0;
  for (let i = 0; i < 3; i++) rows = await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    rows = await run();
    times.push(performance.now() - started);
  }
  return { times, rows };
}

const report = (label: string, { times, rows }: { times: number[]; rows: number }) =>
  console.log(`  ${label.padEnd(58)} median ${ms(median(times)).padStart(9)}  p95 ${ms(p95(times)).padStart(9)}  (${rows} rows)`);

async function bench(handle: DbHandle) {
  await runMigrations(handle);
  setDbHandle(handle);
  const { admin, slug, saToken, actor, insertMs } = await seed(handle);
  console.log(`postgres: ${ENTRIES.toLocaleString("en")} activity entries inserted in ${ms(insertMs)} (INSERT ... SELECT generate_series)`);

  console.log("\nActivity page, first page of 50 (server query time, target < 100 ms):");
  const page = (filter: ActivityFilterInput) => async () => (await listActivity(admin, slug, filter)).entries.length;
  const filters: Array<[string, ActivityFilterInput]> = [
    ["no filter", {}],
    ["actor (email)", { actor }],
    ["date range: one day 30 days ago", { from: day(30), to: day(30) }],
    ["date range: a week 200 days ago", { from: day(206), to: day(200) }],
    ["date range: 300 days ago to 100 days ago", { from: day(300), to: day(100) }],
    ["actor + one day 250 days ago", { actor, from: day(250), to: day(250) }],
    ["action + target (who revoked person.42's seat)", { action: "seat.revoked", target: "person.42@example.com" }],
  ];
  for (const [label, filter] of filters) report(label, await timeIt(page(filter)));
  const deep = await listActivity(admin, slug, { cursor: String(Math.floor(ENTRIES / 2)) });
  report(
    `page at depth ${Math.floor(ENTRIES / 2).toLocaleString("en")} (cursor)`,
    await timeIt(async () => (await listActivity(admin, slug, { cursor: String(Math.floor(ENTRIES / 2)) })).entries.length),
  );
  if (deep.entries.length === 0) throw new Error("deep page empty");

  console.log("\nGET /api/organizations/{orgId}/activity, first page of 100 (whole route handler):");
  const api = (query: string) => async () => {
    const res = await activityRoute(
      new Request(`http://localhost/api/organizations/${slug}/activity?${query}`, { headers: { authorization: `Bearer ${saToken}` } }),
      {
        params: Promise.resolve({ orgId: slug }),
      },
    );
    if (res.status !== 200) throw new Error(`API ${res.status}: ${await res.text()}`);
    return (await res.json()).data.length;
  };
  report("actor (email)", await timeIt(api(`actor=${encodeURIComponent(actor)}`)));
  report("date range: one day 30 days ago", await timeIt(api(`from=${day(30)}&to=${day(30)}`)));
  report("date range: a week 200 days ago", await timeIt(api(`from=${day(206)}&to=${day(200)}`)));

  console.log("\nCSV export of every entry (streamed in keyset batches of 1,000):");
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const { stream } = await exportActivity(admin, slug, {}, "csv");
  let bytes = 0;
  let lines = 0;
  const checkpoints: string[] = [];
  let nextCheckpoint = ENTRIES / 4;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) lines++;
    if (lines >= nextCheckpoint) {
      checkpoints.push(`${lines.toLocaleString("en")}: ${mb(process.memoryUsage().rss)}`);
      nextCheckpoint += ENTRIES / 4;
    }
  }
  clearInterval(sampler);
  const elapsed = performance.now() - started;
  const rssAfter = process.memoryUsage().rss;
  console.log(
    `  ${(lines - 1).toLocaleString("en")} entries, ${mb(bytes)} of CSV in ${(elapsed / 1000).toFixed(1)} s (${Math.round(((lines - 1) / elapsed) * 1000).toLocaleString("en")} entries/s)`,
  );
  console.log(`  RSS before ${mb(rssBefore)}, peak while streaming ${mb(peak)}, after ${mb(rssAfter)} (the file itself is ${mb(bytes)})`);
  console.log(`  RSS after each quarter of the entries: ${checkpoints.join(", ")}`);
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";
  const name = `bench_activity_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString());
  try {
    await bench(handle);
  } finally {
    await handle.close();
    await new Promise((r) => setTimeout(r, 100));
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

// npm run bench:pages: the first page of Users, Invitations, a channel (its packages) and
// Activity at scale on PostgreSQL: 100,000 members, 100,000 pending invitations, 10,000 packages
// and 10,000,000 activity entries in one org (BENCH_MEMBERS, BENCH_INVITATIONS, BENCH_PACKAGES,
// BENCH_ENTRIES change the sizes). Seeded with INSERT ... SELECT generate_series (the seed is not
// what is measured), then each first page is timed as its page's server component calls the use
// case (server time: the queries and the mapping, no rendering). Beside each figure: the same
// org's primary-key lookup timed in the same run, the floor of any query on this machine now.
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server `npm test` uses;
// a scratch database is created there and dropped afterwards.
import os from "node:os";
import { sql } from "drizzle-orm";
import pg from "pg";
import { connectPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import type { Actor } from "@/lib/authz/actor";
import { listActivity } from "@/lib/domain/activity/list-activity";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { listMembers } from "@/lib/domain/members/list-members";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { listPackagesPage } from "@/lib/domain/packages/list-packages";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const INVITATIONS = Number(process.env.BENCH_INVITATIONS ?? 100_000);
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 10_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 50;
const n = (x: number) => x.toLocaleString("en");
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

async function timed(label: string, what: string) {
  const started = performance.now();
  console.log(`  seeding ${what}...`);
  return () => console.log(`  ${label}: ${n(Math.round(performance.now() - started))} ms`);
}

async function seed(handle: DbHandle) {
  const db = handle.db;
  const one = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows[0];
  const user = await one<{ id: string }>(
    sql`insert into users (name, email, email_verified_at) values ('Bench Admin', 'bench.admin@example.com', now()) returning id`,
  );
  const admin: Actor = { kind: "user", userId: user.id, label: "bench.admin@example.com", ip: "127.0.0.1" };
  const org = await createOrganization(admin, { name: "Bench Org", orgId: "bench" });
  await db.execute(sql`insert into subscriptions (org_id, seats, billing_cycle, status, current_period_start, current_period_end)
    values (${org.id}, 100000, 'yearly', 'active', now(), now() + interval '1 year')`);

  let done = await timed(`${n(MEMBERS)} members`, "members");
  await db.execute(sql`insert into users (name, email, created_at)
    select 'Person ' || g, 'person.' || g || '@example.com', now() - (g || ' minutes')::interval from generate_series(1, ${MEMBERS - 1}) g`);
  await db.execute(sql`insert into memberships (org_id, user_id, role, seat_assigned_at, created_at)
    select ${org.id}, u.id, (case when g % 50 = 0 then 'billing_manager' else 'member' end)::member_role,
           case when g % 3 = 0 then now() end, now() - (g || ' minutes')::interval
    from (select id, row_number() over () g from users where email like 'person.%') u`);
  done();

  done = await timed(`${n(INVITATIONS)} invitations`, "invitations");
  await db.execute(sql`insert into invitations (org_id, email, token_hash, role, invited_by, invited_by_label, sent_at, expires_at)
    select ${org.id}, 'invitee.' || g || '@example.com', md5('i' || g) || md5('j' || g), 'member', ${user.id}, 'bench.admin@example.com',
           now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval + interval '7 days'
    from generate_series(1, ${INVITATIONS}) g`);
  done();

  done = await timed(`${n(PACKAGES)} packages`, "packages");
  await createChannel(admin, org.slug, { name: "main" });
  const channel = await one<{ id: string }>(sql`select id from channels where org_id = ${org.id} and name = 'main'`);
  await db.execute(sql`
    insert into packages (channel_id, org_id, subdir, filename, name, version, build, size, sha256, md5, record, uploaded_by_label)
    select ${channel.id}, ${org.id}, 'noarch', 'pkg' || g || '-1.0-0.conda', 'pkg' || g, '1.0', '0', 12345, md5(g::text) || md5(g::text), md5(g::text),
      jsonb_build_object('name', 'pkg' || g, 'version', '1.0', 'build', '0', 'build_number', 0, 'depends', '[]'::jsonb, 'subdir', 'noarch'),
      'bench.admin@example.com'
    from generate_series(1, ${PACKAGES}) g`);
  await db.execute(sql`insert into channel_repodata (channel_id, subdir) values (${channel.id}, 'noarch')`);
  done();

  // The scratch table skips the WAL (UNLOGGED, switched while empty) and gets its indexes built
  // once afterwards: maintaining five indexes row by row took 24 minutes for 10,000,000 rows on
  // a loaded 2-core machine. Queries read an unlogged table exactly as a logged one.
  done = await timed(`${n(ENTRIES)} activity entries`, "activity (the longest part)");
  const indexes = (
    (await db.execute(
      sql`select indexname, indexdef from pg_indexes where tablename = 'activity' and indexname <> 'activity_pkey'`,
    )) as unknown as {
      rows: Array<{ indexname: string; indexdef: string }>;
    }
  ).rows;
  await db.execute(sql`alter table activity set unlogged`);
  for (const { indexname } of indexes) await db.execute(sql.raw(`drop index "${indexname}"`));
  const SLICE = 1_000_000;
  for (let from = 1; from <= ENTRIES; from += SLICE) {
    const to = Math.min(ENTRIES, from + SLICE - 1);
    await db.execute(sql`
      insert into activity (org_id, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, ip, metadata, created_at)
      select ${org.id}::uuid, 'user', ${user.id}, 'bench.admin@example.com',
             (array['seat.assigned','seat.revoked','member.role_changed','invitation.created','token.issued'])[1 + g % 5],
             'user', 'u-' || (g % 5003), 'person.' || (g % 5003) || '@example.com', '198.51.100.1', '{}'::jsonb,
             now() - interval '365 days' + (g * (interval '365 days' / ${ENTRIES}))
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`set maintenance_work_mem = '256MB'`);
  for (const { indexdef } of indexes) await db.execute(sql.raw(indexdef));
  done();
  await db.execute(sql`vacuum analyze`);
  return { admin, slug: org.slug, orgId: org.id };
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

async function bench(handle: DbHandle) {
  await runMigrations(handle);
  setDbHandle(handle);
  const { admin, slug, orgId } = await seed(handle);
  console.log(`\nFirst pages, server time (${RUNS} runs each; target < ${TARGET_MS} ms; load average ${loadavg()}):`);
  const pages: Array<[string, () => Promise<unknown>]> = [
    ["floor: one primary-key lookup of the org", () => handle.db.execute(sql`select id from organizations where id = ${orgId}`)],
    [`Users (${n(MEMBERS)} members)`, () => listMembers(admin, slug, {})],
    [`Invitations (${n(INVITATIONS)} pending)`, () => listInvitations(admin, slug, {})],
    [`Channel main (${n(PACKAGES)} packages)`, () => listPackagesPage(admin, slug, "main")],
    [`Activity (${n(ENTRIES)} entries)`, () => listActivity(admin, slug, {})],
  ];
  for (let round = 1; round <= 2; round++) {
    for (const [label, run] of pages) {
      const times = await time(run);
      const p95 = quantile(times, 0.95);
      const verdict = label.startsWith("floor") ? "" : `  ${p95 < TARGET_MS ? "met" : "MISSED"}`;
      console.log(`  [${round}] ${label.padEnd(42)} median ${ms(quantile(times, 0.5)).padStart(9)}  p95 ${ms(p95).padStart(9)}${verdict}`);
    }
  }
  console.log(`  load average at the end: ${loadavg()}`);
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";
  const name = `portal_bench_pages_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString());
  console.log(`bench:pages on PostgreSQL (${url.host}), ${os.cpus().length} cores, load average ${loadavg()}`);
  try {
    await bench(handle);
  } finally {
    await handle.close();
    await new Promise((r) => setTimeout(r, 250));
    if (process.env.BENCH_KEEP) console.log(`kept database ${name} (BENCH_KEEP)`);
    else await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// npm run bench:onboarding: automated onboarding of 1,000 addresses into an org with 900 free
// seats, through the API route handler (auth, limits, parsing and the domain call), on PGlite
// and PostgreSQL. Target: under 5 s, exactly 900 onboarded, seats never over-assigned.
import { randomBytes } from "node:crypto";
import { and, count, eq, isNotNull } from "drizzle-orm";
import pg from "pg";
import { POST as onboarding } from "@/app/api/organizations/[orgId]/onboarding/route";
import { t } from "@/db";
import { connectPglite, connectPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import { createApiOrg } from "@/test/api";

const EMAILS = 1_000;
const SEATS = 900;

async function bench(kind: string, handle: DbHandle) {
  await runMigrations(handle);
  setDbHandle(handle);
  const { org, saToken } = await createApiOrg({ seats: SEATS });
  const emails = Array.from({ length: EMAILS }, (_, i) => `person${i}.${randomBytes(2).toString("hex")}@example.com`);
  const started = performance.now();
  const res = await onboarding(
    new Request("http://localhost/api", {
      method: "POST",
      headers: { authorization: `Bearer ${saToken}`, "content-type": "application/json" },
      body: JSON.stringify({ user_emails: emails }),
    }),
    { params: Promise.resolve({ orgId: org.slug }) },
  );
  const ms = performance.now() - started;
  const body = await res.json();
  const [{ n: seated }] = await handle.db
    .select({ n: count() })
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, org.id), isNotNull(t.memberships.seatAssignedAt)));
  const ok =
    res.status === 200 &&
    body.users_in_onboarding_process.length === SEATS &&
    body.users_unavailable_for_onboarding.length === EMAILS - SEATS &&
    seated === SEATS;
  console.log(
    `${kind}: onboarding ${EMAILS.toLocaleString("en")} addresses with ${SEATS} free seats: ${ms.toFixed(0)} ms; ` +
      `${body.users_in_onboarding_process?.length} onboarded, ${body.users_unavailable_for_onboarding?.length} unavailable, seats assigned ${seated}/${SEATS} · ` +
      `${ok && ms < 5000 ? "within target (< 5000 ms)" : "OVER TARGET OR WRONG"}`,
  );
}

console.log(`bench:onboarding — ${EMAILS} addresses, ${SEATS} seats`);
const pglite = connectPglite();
try {
  await bench("pglite", pglite);
} finally {
  await pglite.close();
}
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://portal:portal@127.0.0.1:5432/postgres";
const admin = new pg.Client({ connectionString: base });
try {
  await admin.connect();
  const name = `bench_onboarding_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString());
  try {
    await bench("postgres", handle);
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
} catch (err) {
  console.log(`postgres: skipped (${(err as Error).message})`);
} finally {
  await admin.end().catch(() => undefined);
}

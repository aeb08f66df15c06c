// Seeds a database for the token benchmarks: 100 orgs, one seated member per token, active
// subscriptions and one member token each, by set-based SQL. Returns the plain tokens.
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { generateToken, hashToken } from "@/lib/domain/tokens/member/format";

export async function seedTokens(handle: DbHandle, count: number, orgs = 100): Promise<string[]> {
  const db = handle.db;
  const started = Date.now();
  const perOrg = Math.ceil(count / orgs);
  const now = new Date();
  const periodEnd = new Date(now.getTime() + 365 * 86_400_000);
  await db.execute(sql`insert into organizations (slug, name) select 'bench-' || i, 'Bench ' || i from generate_series(1, ${orgs}) i`);
  await db.execute(
    sql`insert into users (name, email) select 'Bench ' || i, 'bench-' || i || '@example.test' from generate_series(1, ${count}) i`,
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
    // Quoted: a token may end in "NULL", which an unquoted array element would mean.
    const arr = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(",")}}`;
    await db.execute(sql`
      insert into member_tokens (org_id, user_id, token_hash, last4, expires_at)
      select o, u, h, l, ${periodEnd.toISOString()}
      from unnest(${arr(chunk.map((c) => c.org))}::uuid[], ${arr(chunk.map((c) => c.user))}::uuid[],
                  ${arr(chunk.map((c) => c.hash))}::text[], ${arr(chunk.map((c) => c.last4))}::text[]) as x(o, u, h, l)`);
  }
  // As a settled database is: autovacuum would otherwise visit these new rows during the first loads.
  await db.execute(sql`vacuum analyze`);
  console.log(`  seeded ${tokens.length.toLocaleString("en")} tokens in ${orgs} orgs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return tokens;
}

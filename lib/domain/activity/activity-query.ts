import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { readTogether, t, type Queryable } from "@/db";
import type { ActivityRow } from "@/db/schema";
import { boundToDate, type ActivityFilter, type ActivityEntry } from "@/lib/validation/activity";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * created_at is the transaction's start time while ids are drawn at insert, so between
 * transactions the two orders can disagree by at most the length of one transaction. An hour
 * is far longer than any write the app makes; it only widens the id window, never the result.
 */
const MAX_TRANSACTION_SKEW = sql`interval '1 hour'`;

/** A filter made ready for SQL: names resolved to ids, dates turned into an id window. */
export type ResolvedFilter = {
  orgId: string;
  where: SQL[];
  /** True when the filter cannot match anything (e.g. no rows in the date range). */
  empty: boolean;
};

/**
 * Resolves the shared filter once per request. Every page (and every export batch) is then
 * `WHERE org_id = ? AND <filters> AND id < cursor ORDER BY id DESC LIMIT n`: one backward range
 * of an (org_id, <column>, id) index, as cheap on the millionth row as on the first.
 */
export async function resolveActivityFilter(q: Queryable, orgId: string, filter: ActivityFilter): Promise<ResolvedFilter> {
  const a = t.activity;
  const where: SQL[] = [eq(a.orgId, orgId)];
  let empty = false;

  if (filter.actor) {
    const value = filter.actor;
    if (UUID.test(value)) where.push(eq(a.actorId, value.toLowerCase()));
    else {
      // An email or a service account name: the ids it stands for (actor_id is indexed, labels are not).
      const [users, accounts] = await readTogether(q, [
        () => q.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, value.toLowerCase())),
        () =>
          q
            .select({ id: t.serviceAccounts.id })
            .from(t.serviceAccounts)
            .where(and(eq(t.serviceAccounts.orgId, orgId), eq(t.serviceAccounts.name, value))),
      ]);
      const ids = [...users, ...accounts].map((r) => r.id);
      if (ids.length === 0) empty = true;
      else where.push(inArray(a.actorId, ids));
    }
  }
  if (filter.action) where.push(eq(a.action, filter.action));
  if (filter.target) {
    const value = filter.target;
    where.push(
      UUID.test(value) ? eq(a.targetId, value.toLowerCase()) : or(eq(a.targetLabel, value), eq(a.targetLabel, value.toLowerCase()))!,
    );
  }

  const from = filter.from ? boundToDate(filter.from, false) : undefined;
  const to = filter.to ? boundToDate(filter.to, true) : undefined;
  if (from) where.push(gte(a.createdAt, from));
  if (to) where.push(lt(a.createdAt, to));
  if (from || to) {
    const window = await idWindow(q, orgId, from, to);
    if (!window) empty = true;
    else {
      if (window.minId !== null) where.push(gte(a.id, window.minId));
      if (window.maxId !== null) where.push(lte(a.id, window.maxId));
    }
  }
  return { orgId, where, empty };
}

/**
 * The ids that can hold entries of [from, to): two index-only probes of (org_id, created_at, id).
 * Without it, a date filter makes the planner either scan every newer entry backwards by id or
 * sort the whole range; with it, the id index starts at the right place. null: nothing in range.
 * `id + 0` keeps PostgreSQL from answering max(id)/min(id) by walking the primary key backwards
 * with a filter (its min/max rewrite), which reads every newer entry; this way it reads one
 * hour of the (org_id, created_at, id) index.
 */
async function idWindow(q: Queryable, orgId: string, from?: Date, to?: Date) {
  const hi = to
    ? sql`(select max(id + 0) from activity where org_id = ${orgId} and created_at < ${to.toISOString()}::timestamptz
          and created_at >= (select created_at from activity where org_id = ${orgId} and created_at < ${to.toISOString()}::timestamptz
                             order by created_at desc limit 1) - ${MAX_TRANSACTION_SKEW})`
    : sql`null::bigint`;
  const lo = from
    ? sql`(select min(id + 0) from activity where org_id = ${orgId} and created_at >= ${from.toISOString()}::timestamptz
          and created_at <= (select created_at from activity where org_id = ${orgId} and created_at >= ${from.toISOString()}::timestamptz
                             order by created_at asc limit 1) + ${MAX_TRANSACTION_SKEW})`
    : sql`null::bigint`;
  const result = await q.execute(sql`select ${lo} as lo, ${hi} as hi`);
  const row = (result as unknown as { rows: Array<{ lo: string | number | null; hi: string | number | null }> }).rows[0];
  const minId = row.lo === null ? null : Number(row.lo);
  const maxId = row.hi === null ? null : Number(row.hi);
  if ((from && minId === null) || (to && maxId === null)) return null;
  if (minId !== null && maxId !== null && minId > maxId) return null;
  return { minId, maxId };
}

/** One keyset page, newest first: entries older than `before` (an id), at most `limit`. */
export async function fetchActivityRows(
  q: Queryable,
  filter: ResolvedFilter,
  before: number | undefined,
  limit: number,
): Promise<ActivityRow[]> {
  if (filter.empty) return [];
  return q
    .select()
    .from(t.activity)
    .where(and(...filter.where, before ? lt(t.activity.id, before) : undefined))
    .orderBy(desc(t.activity.id))
    .limit(limit);
}

/** The wire shape shared by the API, JSON lines and CSV. */
export function toActivityEntry(row: ActivityRow): ActivityEntry {
  return {
    id: row.id,
    created_at: row.createdAt.toISOString(),
    actor_type: row.actorType as ActivityEntry["actor_type"],
    actor_id: row.actorId,
    actor_label: row.actorLabel,
    // Only recordActivities writes this column, and it takes registry actions only.
    action: row.action as ActivityEntry["action"],
    target_type: row.targetType,
    target_id: row.targetId,
    target_label: row.targetLabel,
    ip: row.ip,
    metadata: row.metadata ?? null,
  };
}

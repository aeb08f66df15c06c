import { and, count, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { readTogether, db, t, type Queryable } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/policy";
import { fetchActivityRows, resolveActivityFilter } from "../activity/activity-query";
import { mayReadChannel } from "../channels/channel-rule";
import { actorUserId, readerOf } from "../channels/load-channel";
import { loadOrgAccess, type OrgAccess } from "../organizations/org-access";
import { utcDay } from "../packages/downloads";
import { getSeatUsage, type SeatUsage } from "../seats/seat-usage";

export const OVERVIEW_DAYS = 30;
export const OVERVIEW_TOP_PACKAGES = 5;
export const OVERVIEW_ACTIVITY = 10;

export type OverviewActivity = { id: number; createdAt: Date; actorLabel: string | null; action: string; targetLabel: string | null };
export type TopPackage = { channel: string; name: string; recent: number; allTime: number };

/**
 * What the Overview page shows. Each part is null when the caller's role may not read the page
 * behind it (the policy table decides, as it does for the navigation): seats need
 * subscription.read, invitations invitations.manage, activity activity.read; downloads cover
 * only the channels the caller may read. Counts come from the same functions and conditions as
 * the Subscription, Users and Invitations pages, so the numbers agree.
 */
export type OrgOverview = {
  seats: SeatUsage | null;
  members: number | null;
  invitations: { pending: number; expired: number } | null;
  packages: {
    channels: number;
    packages: number;
    /** One entry per UTC day, oldest first, the last being today; days without downloads are 0. */
    days: Array<{ day: string; downloads: number }>;
    top: TopPackage[];
  } | null;
  activity: OverviewActivity[] | null;
};

export async function getOverview(actor: Actor, orgSlug: string, now = new Date()): Promise<OrgOverview> {
  const q = db();
  const access = await loadOrgAccess(actor, orgSlug, "org.read", q);
  const { org, principal } = access;
  const allowed = (p: Parameters<typeof can>[1]) => can(principal, p);
  const [seats, members, invitations, packages, activity] = await readTogether(q, [
    () => (allowed("subscription.read") ? getSeatUsage(q, org.id, now) : null),
    () => (allowed("members.read") ? countMembers(q, org.id) : null),
    () => (allowed("invitations.manage") ? countInvitations(q, org.id, now) : null),
    () => (allowed("channels.read") ? packageFigures(q, access, actorUserId(actor), now) : null),
    () => (allowed("activity.read") ? recentActivity(q, org.id) : null),
  ]);
  return { seats, members, invitations, packages, activity };
}

/** The Users page's unfiltered total: members joined to their accounts. */
async function countMembers(q: Queryable, orgId: string) {
  const [row] = await q
    .select({ n: count() })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(eq(t.memberships.orgId, orgId));
  return row.n;
}

/** The Invitations page's rows: pending ones, expired ones among them (they are listed, marked so). */
async function countInvitations(q: Queryable, orgId: string, now: Date) {
  const [row] = await q
    .select({
      pending: count(),
      expired: sql<number>`count(*) filter (where ${t.invitations.expiresAt} <= ${now.toISOString()}::timestamptz)`.mapWith(Number),
    })
    .from(t.invitations)
    .where(and(eq(t.invitations.orgId, orgId), eq(t.invitations.status, "pending")));
  return { pending: row.pending, expired: row.expired };
}

/** The Activity page's first entries, through the same query (an unfiltered keyset page). */
async function recentActivity(q: Queryable, orgId: string): Promise<OverviewActivity[]> {
  const rows = await fetchActivityRows(q, await resolveActivityFilter(q, orgId, {}), undefined, OVERVIEW_ACTIVITY);
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, actorLabel: r.actorLabel, action: r.action, targetLabel: r.targetLabel }));
}

/** Downloads per day and the most downloaded packages, over the channels this caller may read. */
async function packageFigures(q: Queryable, access: OrgAccess, userId: string | null, now: Date) {
  const reader = await readerOf(q, access, userId);
  const channels = await q
    .select({ id: t.channels.id, name: t.channels.name, access: t.channels.access })
    .from(t.channels)
    .where(eq(t.channels.orgId, access.org.id));
  const links = channels.length
    ? await q
        .select({ channelId: t.channelGroups.channelId, groupId: t.channelGroups.groupId })
        .from(t.channelGroups)
        .where(
          inArray(
            t.channelGroups.channelId,
            channels.map((c) => c.id),
          ),
        )
    : [];
  const readable = channels.filter((c) =>
    mayReadChannel(reader, { access: c.access, groupIds: links.filter((l) => l.channelId === c.id).map((l) => l.groupId) }),
  );
  const days = lastDays(now, OVERVIEW_DAYS);
  if (readable.length === 0) return { channels: 0, packages: 0, days: days.map((day) => ({ day, downloads: 0 })), top: [] };
  const ids = readable.map((c) => c.id);
  const nameOf = new Map(readable.map((c) => [c.id, c.name]));
  const d = t.packageDownloadDays;
  const recent = and(eq(d.orgId, access.org.id), gte(d.day, days[0]), inArray(d.channelId, ids));

  const [[{ packages }], perDay, recentTop, allTimeTop] = await readTogether(q, [
    () => q.select({ packages: count() }).from(t.packages).where(inArray(t.packages.channelId, ids)),
    () =>
      q
        .select({ day: d.day, n: sql<number>`sum(${d.downloads})`.mapWith(Number) })
        .from(d)
        .where(recent)
        .groupBy(d.day),
    () =>
      q
        .select({ channelId: d.channelId, name: d.name, n: sql<number>`sum(${d.downloads})`.mapWith(Number) })
        .from(d)
        .where(recent)
        .groupBy(d.channelId, d.name),
    // All-time totals as the channel pages show them (the sum over a package's files).
    () =>
      q
        .select({ channelId: t.packages.channelId, name: t.packages.name, n: sql<number>`sum(${t.packages.downloads})`.mapWith(Number) })
        .from(t.packages)
        .where(and(inArray(t.packages.channelId, ids), isNotNull(t.packages.lastDownloadedAt)))
        .groupBy(t.packages.channelId, t.packages.name),
  ]);
  const byDay = new Map(perDay.map((r) => [r.day, r.n]));
  const key = (channelId: string, name: string) => `${channelId}\n${name}`;
  const top = new Map<string, TopPackage>();
  for (const r of allTimeTop)
    top.set(key(r.channelId, r.name), { channel: nameOf.get(r.channelId)!, name: r.name, recent: 0, allTime: r.n });
  for (const r of recentTop) {
    const entry = top.get(key(r.channelId, r.name));
    // A package deleted since keeps its days but has no files left: it is not listed.
    if (entry) entry.recent = r.n;
  }
  return {
    channels: readable.length,
    packages,
    days: days.map((day) => ({ day, downloads: byDay.get(day) ?? 0 })),
    top: [...top.values()]
      .filter((p) => p.allTime > 0 || p.recent > 0)
      .sort((a, b) => b.recent - a.recent || b.allTime - a.allTime || a.name.localeCompare(b.name))
      .slice(0, OVERVIEW_TOP_PACKAGES),
  };
}

/** The last `n` UTC days, oldest first, ending with today's. */
export function lastDays(now: Date, n: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: n }, (_, i) => utcDay(today - (n - 1 - i) * 86_400_000));
}

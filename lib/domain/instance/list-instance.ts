import { and, count, desc, eq, ilike, isNull, lt, or, sql } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { config } from "@/lib/config";
import { instanceSearchSchema } from "@/lib/validation/instance";
import { parseInput } from "@/lib/validation/parse";
import { containsPattern } from "../like-pattern";
import { requireInstanceAdmin } from "./instance-admin";

export const INSTANCE_PAGE_SIZE = 25;

type Search = { q?: string; page?: number };

/** Organizations, newest first, with members, assigned seats and subscription; searched by name or ID. */
export async function listInstanceOrganizations(actor: Actor, search: Search) {
  const { q, page = 1 } = parseInput(instanceSearchSchema, search);
  await requireInstanceAdmin(actor);
  const where = q ? or(ilike(t.organizations.name, containsPattern(q)), ilike(t.organizations.slug, containsPattern(q))) : undefined;
  const members = sql<number>`(select count(*)::int from ${t.memberships} m where m.org_id = ${t.organizations.id})`;
  const seated = sql<number>`(select count(*)::int from ${t.memberships} m where m.org_id = ${t.organizations.id} and m.seat_assigned_at is not null)`;
  const [rows, [{ total }]] = await Promise.all([
    db()
      .select({
        id: t.organizations.id,
        slug: t.organizations.slug,
        name: t.organizations.name,
        createdAt: t.organizations.createdAt,
        members,
        seated,
        seats: t.subscriptions.seats,
        billingCycle: t.subscriptions.billingCycle,
        status: t.subscriptions.status,
        periodEnd: t.subscriptions.currentPeriodEnd,
      })
      .from(t.organizations)
      .leftJoin(t.subscriptions, eq(t.subscriptions.orgId, t.organizations.id))
      .where(where)
      .orderBy(desc(t.organizations.createdAt), desc(t.organizations.id))
      .limit(INSTANCE_PAGE_SIZE)
      .offset((page - 1) * INSTANCE_PAGE_SIZE),
    db().select({ total: count() }).from(t.organizations).where(where),
  ]);
  return { rows, total, page, pageSize: INSTANCE_PAGE_SIZE };
}

/** Accounts that can sign in, newest first, searched by name or email. */
export async function listInstanceUsers(actor: Actor, search: Search) {
  const { q, page = 1 } = parseInput(instanceSearchSchema, search);
  await requireInstanceAdmin(actor);
  const people = isNull(t.users.managedByOrgId);
  const where = q ? and(people, or(ilike(t.users.name, containsPattern(q)), ilike(t.users.email, containsPattern(q)))) : people;
  const orgs = sql<number>`(select count(*)::int from ${t.memberships} m where m.user_id = ${t.users.id})`;
  const [rows, [{ total }], [settings]] = await Promise.all([
    db()
      .select({
        id: t.users.id,
        name: t.users.name,
        email: t.users.email,
        createdAt: t.users.createdAt,
        disabledAt: t.users.disabledAt,
        orgs,
      })
      .from(t.users)
      .where(where)
      .orderBy(desc(t.users.createdAt), desc(t.users.id))
      .limit(INSTANCE_PAGE_SIZE)
      .offset((page - 1) * INSTANCE_PAGE_SIZE),
    db().select({ total: count() }).from(t.users).where(where),
    db().select({ firstAdmin: t.instanceSettings.firstAdminUserId }).from(t.instanceSettings).limit(1),
  ]);
  const listed = new Set(config().instanceAdmins);
  return {
    rows: rows.map((u) => ({ ...u, instanceAdmin: u.id === settings?.firstAdmin || (!!u.email && listed.has(u.email)) })),
    total,
    page,
    pageSize: INSTANCE_PAGE_SIZE,
  };
}

/** The instance's own log (entries without an org), newest first, by id cursor. */
export async function listInstanceActivity(actor: Actor, { cursor }: { cursor?: string } = {}) {
  await requireInstanceAdmin(actor);
  const before = cursor && /^\d{1,18}$/.test(cursor) ? Number(cursor) : undefined;
  const rows = await db()
    .select()
    .from(t.activity)
    .where(and(isNull(t.activity.orgId), before ? lt(t.activity.id, before) : undefined))
    .orderBy(desc(t.activity.id))
    .limit(INSTANCE_PAGE_SIZE + 1);
  const entries = rows.slice(0, INSTANCE_PAGE_SIZE);
  return { entries, nextCursor: rows.length > INSTANCE_PAGE_SIZE ? String(entries[entries.length - 1].id) : null };
}

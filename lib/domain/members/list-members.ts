import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { db, t } from "@/db";
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/policy";
import { listMembersQuerySchema, type ListMembersQuery, type MemberSort } from "@/lib/validation/members";
import { containsPattern } from "../like-pattern";
import { loadOrgAccess } from "../organizations/org-access";
import { getSeatUsage, type SeatUsage } from "../seats/seat-usage";

export type TokenStatus = { state: "none" } | { state: "active" | "expired"; expiresAt: string };

export type MemberRow = {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  seat: boolean;
  joinedAt: string;
  token: TokenStatus;
  /** Whether the member signs in with two-factor authentication (managed users: never). */
  twoFactor: boolean;
  /** False while the org's identity provider has deactivated them (Directory Sync). */
  active: boolean;
};

export type MembersPage = {
  rows: MemberRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Seats of the subscription, for those who manage members. */
  seats: SeatUsage | null;
};

const sortColumns: Record<MemberSort, SQL> = {
  name: sql`lower(${t.users.name})`,
  email: sql`${t.users.email}`,
  role: sql`${t.memberships.role}`,
  seat: sql`(${t.memberships.seatAssignedAt} is not null)`,
  joined: sql`${t.memberships.createdAt}`,
};

/**
 * One page of an org's members with search, filters and sorting. Everyone in the org may read
 * it; plain offset paging stays cheap at 10,000 members because the org's rows are found by
 * index and sorted in memory (see scripts/bench-members.ts for the figures).
 */
export async function listMembers(actor: Actor, orgSlug: string, query: ListMembersQuery = {}): Promise<MembersPage> {
  const { org, principal } = await loadOrgAccess(actor, orgSlug, "members.read");
  const params = listMembersQuerySchema.parse(query);
  const pattern = params.q ? containsPattern(params.q) : null;
  const where = and(
    eq(t.memberships.orgId, org.id),
    pattern ? or(ilike(t.users.name, pattern), ilike(t.users.email, pattern)) : undefined,
    params.role ? eq(t.memberships.role, params.role) : undefined,
    params.seat === "yes"
      ? isNotNull(t.memberships.seatAssignedAt)
      : params.seat === "no"
        ? isNull(t.memberships.seatAssignedAt)
        : undefined,
  );
  const order = params.dir === "asc" ? asc : desc;
  const q = db();

  const [[{ total }], rows, seats] = await Promise.all([
    // Without a search every condition is on memberships: an index-only count, no join to users.
    pattern
      ? q.select({ total: count() }).from(t.memberships).innerJoin(t.users, eq(t.users.id, t.memberships.userId)).where(where)
      : q.select({ total: count() }).from(t.memberships).where(where),
    q
      .select({
        userId: t.memberships.userId,
        name: t.users.name,
        email: t.users.email,
        role: t.memberships.role,
        seatAssignedAt: t.memberships.seatAssignedAt,
        joinedAt: t.memberships.createdAt,
        twoFactorAt: t.users.totpEnabledAt,
        scimActive: t.scimMembers.active,
      })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .leftJoin(t.scimMembers, and(eq(t.scimMembers.orgId, t.memberships.orgId), eq(t.scimMembers.userId, t.memberships.userId)))
      .where(where)
      .orderBy(order(sortColumns[params.sort]), asc(t.memberships.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    can(principal, "members.manage") ? getSeatUsage(q, org.id) : Promise.resolve(null),
  ]);

  // Token status for this page's members only: a second small query, rather than a join that
  // a planner without statistics (PGlite never analyzes) may run once per member of the org.
  // At most one current (unrevoked) token per member: a unique partial index says so.
  const tokens = rows.length
    ? await q
        .select({ userId: t.memberTokens.userId, expiresAt: t.memberTokens.expiresAt })
        .from(t.memberTokens)
        .where(
          and(
            eq(t.memberTokens.orgId, org.id),
            inArray(
              t.memberTokens.userId,
              rows.map((r) => r.userId),
            ),
            isNull(t.memberTokens.revokedAt),
          ),
        )
    : [];
  const tokenOf = new Map(tokens.map((tk) => [tk.userId, tk.expiresAt]));
  const now = Date.now();
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    seats,
    rows: rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      email: r.email,
      role: r.role,
      seat: r.seatAssignedAt !== null,
      joinedAt: r.joinedAt.toISOString(),
      token: tokenStatus(tokenOf.get(r.userId), now),
      twoFactor: r.twoFactorAt !== null,
      active: r.scimActive ?? true,
    })),
  };
}

function tokenStatus(expiresAt: Date | undefined, now: number): TokenStatus {
  if (!expiresAt) return { state: "none" };
  return { state: expiresAt.getTime() > now ? "active" : "expired", expiresAt: expiresAt.toISOString() };
}

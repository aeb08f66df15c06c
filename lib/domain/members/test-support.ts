// Test-only helpers shared by the members, seats and subscriptions *.db.test.ts files.
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, count, eq, isNotNull, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Organization, Role } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { addMember, createTestUser, type UserActor } from "@/test/factories";
import { createOrganization } from "../organizations/create-organization";

export type TestOrg = { org: Organization; admin: UserActor };

export async function createTestOrg(name = "Org"): Promise<TestOrg> {
  const admin = await createTestUser(`${name} Admin`);
  const org = await createOrganization(admin, {
    name,
    orgId: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`,
  });
  return { org, admin };
}

export async function addTestMember(org: Organization, role: Role = "member", name = `${role} ${randomBytes(2).toString("hex")}`) {
  const user = await createTestUser(name);
  await addMember(org.id, user, role);
  return user;
}

/** Many members with one statement each for users and memberships (concurrency and load tests). */
export async function addManyMembers(org: Organization, n: number): Promise<string[]> {
  const users = await db()
    .insert(t.users)
    .values(Array.from({ length: n }, (_, i) => ({ name: `Bulk ${i}`, email: `bulk-${i}-${randomBytes(4).toString("hex")}@example.test` })))
    .returning({ id: t.users.id });
  await db()
    .insert(t.memberships)
    .values(users.map((u) => ({ orgId: org.id, userId: u.id, role: "member" as const })));
  return users.map((u) => u.id);
}

export async function giveSubscription(org: Organization, seats: number, cycle: "monthly" | "yearly" = "monthly") {
  const now = new Date();
  const [sub] = await db()
    .insert(t.subscriptions)
    .values({
      orgId: org.id,
      seats,
      billingCycle: cycle,
      currentPeriodStart: now,
      currentPeriodEnd: new Date(now.getTime() + 30 * 86_400_000),
    })
    .returning();
  return sub;
}

export async function giveToken(org: Organization, userId: string) {
  const [token] = await db()
    .insert(t.memberTokens)
    .values({
      orgId: org.id,
      userId,
      tokenHash: randomBytes(16).toString("hex"),
      last4: "abcd",
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  return token;
}

export const serviceAccountOf = (org: Organization): Actor => ({
  kind: "service_account",
  serviceAccountId: randomUUID(),
  orgId: org.id,
  label: "ci-bot",
  ip: "203.0.113.9",
});

export async function membership(org: Organization, userId: string) {
  const [m] = await db()
    .select()
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, userId)));
  return m ?? null;
}

export async function assignedSeats(org: Organization) {
  const [row] = await db()
    .select({ n: count() })
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, org.id), isNotNull(t.memberships.seatAssignedAt)));
  return row.n;
}

export async function adminCount(org: Organization) {
  const [row] = await db()
    .select({ n: count() })
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.role, "admin")));
  return row.n;
}

export async function liveTokens(org: Organization, userId: string) {
  return db()
    .select()
    .from(t.memberTokens)
    .where(and(eq(t.memberTokens.orgId, org.id), eq(t.memberTokens.userId, userId), isNull(t.memberTokens.revokedAt)));
}

/** Everything a members/seats/subscription mutation could change in one org. */
export async function orgState(org: Organization) {
  const q = db();
  const [members, subs, ledger, tokens, events, outbox] = await Promise.all([
    q.select().from(t.memberships).where(eq(t.memberships.orgId, org.id)).orderBy(asc(t.memberships.id)),
    q.select().from(t.subscriptions).where(eq(t.subscriptions.orgId, org.id)),
    q.select().from(t.subscriptionLedger).where(eq(t.subscriptionLedger.orgId, org.id)),
    q.select().from(t.memberTokens).where(eq(t.memberTokens.orgId, org.id)).orderBy(asc(t.memberTokens.id)),
    q.select({ n: count() }).from(t.activity).where(eq(t.activity.orgId, org.id)),
    q.select({ n: count() }).from(t.emailOutbox),
  ]);
  return { members, subs, ledger, tokens, events: events[0].n, outbox: outbox[0].n };
}

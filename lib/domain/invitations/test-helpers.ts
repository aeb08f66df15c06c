// Helpers for the invitation *.db.test.ts files (not a test file itself).
import { randomBytes } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import { createTestUser, type UserActor } from "@/test/factories";
import { createOrganization } from "../organizations/create-organization";

export const DAY = 24 * 60 * 60 * 1000;

/** A new admin and their org. */
export async function adminWithOrg(name = "Admin"): Promise<{ admin: UserActor; org: Organization }> {
  const admin = await createTestUser(name);
  const slug = `org-${randomBytes(4).toString("hex")}`;
  const org = await createOrganization(admin, { name: `Org ${slug}`, orgId: slug });
  return { admin, org };
}

/** A user whose address is chosen by the test (stored lower-cased, as sign-up does). */
export async function userWithEmail(email: string, name = "Invitee"): Promise<UserActor> {
  const [user] = await db().insert(t.users).values({ name, email: email.trim().toLowerCase() }).returning();
  return { kind: "user", userId: user.id, label: user.email!, ip: "198.51.100.9" };
}

export const uniqueAddress = (prefix = "invitee") => `${prefix}-${randomBytes(4).toString("hex")}@example.com`;

/** The newest invitation email to an address, and the link token in it. */
export async function latestInvitation(to: string) {
  const [mail] = await db()
    .select()
    .from(t.emailOutbox)
    .where(and(eq(t.emailOutbox.to, to.toLowerCase()), eq(t.emailOutbox.template, "invitation")))
    .orderBy(desc(t.emailOutbox.createdAt))
    .limit(1);
  if (!mail) throw new Error(`No invitation email to ${to}`);
  const token = mail.text.match(/inv_[A-Za-z0-9_-]{43}/)?.[0];
  if (!token) throw new Error("No link in the invitation email");
  return { mail, token };
}

export const invitationsOf = (orgId: string) => db().select().from(t.invitations).where(eq(t.invitations.orgId, orgId));

/** Row counts that any refused call must leave as they were. */
export async function snapshot(orgId: string) {
  const n = async (q: Promise<Array<{ n: number }>>) => (await q)[0].n;
  return {
    invitations: await invitationsOf(orgId).then((rows) =>
      rows.map((r) => [r.id, r.status, r.tokenHash, r.expiresAt.toISOString()]).sort(),
    ),
    links: await n(db().select({ n: count() }).from(t.invitationLinks)),
    outbox: await n(db().select({ n: count() }).from(t.emailOutbox)),
    activity: await n(db().select({ n: count() }).from(t.activity).where(eq(t.activity.orgId, orgId))),
    memberships: await n(db().select({ n: count() }).from(t.memberships).where(eq(t.memberships.orgId, orgId))),
  };
}

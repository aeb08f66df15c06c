import { randomBytes } from "node:crypto";
import { db, t } from "@/db";
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";

export type UserActor = Extract<Actor, { kind: "user" }>;

/** A user row inserted directly (no password hashing), returned as the actor the UI would pass. */
export async function createTestUser(name = "Test User"): Promise<UserActor> {
  const email = `user-${randomBytes(4).toString("hex")}@example.test`;
  // Verified, like the address of anyone who signed up and followed the link.
  const [user] = await db().insert(t.users).values({ name, email, emailVerifiedAt: new Date() }).returning();
  return { kind: "user", userId: user.id, label: email, ip: "203.0.113.7" };
}

/** Adds a membership directly, bypassing invitations (not built yet). */
export async function addMember(orgId: string, user: UserActor, role: Role) {
  await db().insert(t.memberships).values({ orgId, userId: user.userId, role });
}

/** The error a promise rejects with, for asserting on its fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("Expected the promise to reject, but it resolved.");
}

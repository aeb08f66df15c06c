import { eq, isNull } from "drizzle-orm";
import { db, t, type Queryable, type Tx } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

/**
 * Instance admins are the first account created on the instance and every address listed in
 * INSTANCE_ADMINS. Read from the database on every call: a disabled account is no admin.
 */
export async function isInstanceAdmin(userId: string, q: Queryable = db()): Promise<boolean> {
  const [row] = await q
    .select({ email: t.users.email, disabledAt: t.users.disabledAt, firstAdmin: t.instanceSettings.firstAdminUserId })
    .from(t.users)
    .leftJoin(t.instanceSettings, eq(t.instanceSettings.id, 1))
    .where(eq(t.users.id, userId))
    .limit(1);
  if (!row?.email || row.disabledAt) return false;
  return row.firstAdmin === userId || config().instanceAdmins.includes(row.email.toLowerCase());
}

export const actorIsInstanceAdmin = async (actor: Actor, q: Queryable = db()) => actor.kind === "user" && isInstanceAdmin(actor.userId, q);

/**
 * The one permission check of everything under /admin. Anyone else learns nothing: the instance
 * console is "not found" to them, like another org's pages.
 */
export async function requireInstanceAdmin(actor: Actor, q: Queryable = db()): Promise<Extract<Actor, { kind: "user" }>> {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to continue.");
  if (actor.kind !== "user" || !(await isInstanceAdmin(actor.userId, q))) throw new AppError("not_found", "Page not found.");
  return actor;
}

/**
 * Makes this account the instance's first admin if nobody was yet, in the sign-up transaction.
 * Race-safe: the settings row's primary key and row lock order concurrent claims, and the losing
 * one re-checks the condition after the winner commits, so two first sign-ups make one admin.
 */
export async function claimFirstAdmin(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx
    .insert(t.instanceSettings)
    .values({ id: 1, firstAdminUserId: userId })
    .onConflictDoUpdate({
      target: t.instanceSettings.id,
      set: { firstAdminUserId: userId },
      setWhere: isNull(t.instanceSettings.firstAdminUserId),
    })
    .returning({ firstAdmin: t.instanceSettings.firstAdminUserId });
  return rows[0]?.firstAdmin === userId;
}

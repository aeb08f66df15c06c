import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { userIdSchema } from "@/lib/validation/instance";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { requireInstanceAdmin } from "./instance-admin";

const userNotFound = () => new AppError("not_found", "No such account.", undefined, "user_not_found");

/**
 * Disable Account: the account cannot sign in, and its sessions, API access tokens and member
 * tokens stop on the next request. Every credential check reads users.disabled_at (the token
 * check hears of it through the database trigger on that column), so nothing is revoked and
 * Enable Account brings the tokens back; the sessions are ended, so the person signs in again.
 */
export async function disableAccount(actor: Actor, userId: string, { now = new Date() } = {}) {
  const id = parseInput(userIdSchema, userId);
  return db().transaction(async (tx) => {
    const admin = await requireInstanceAdmin(actor, tx);
    if (id === admin.userId) throw new AppError("conflict", "You cannot disable your own account.", undefined, "disable_self");
    const [user] = await tx
      .update(t.users)
      .set({ disabledAt: now })
      .where(and(eq(t.users.id, id), isNull(t.users.disabledAt)))
      .returning({ id: t.users.id, email: t.users.email, name: t.users.name });
    if (!user) {
      const [exists] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, id)).limit(1);
      if (!exists) throw userNotFound();
      return { changed: false };
    }
    const sessions = await tx.delete(t.userSessions).where(eq(t.userSessions.userId, id)).returning({ id: t.userSessions.id });
    await recordActivity(tx, admin, {
      action: "user.disabled",
      target: { type: "user", id, label: user.email ?? user.name },
      metadata: { sessionsEnded: sessions.length },
    });
    return { changed: true };
  });
}

/** Enable Account: the person may sign in again; tokens that are otherwise valid work again. */
export async function enableAccount(actor: Actor, userId: string) {
  const id = parseInput(userIdSchema, userId);
  return db().transaction(async (tx) => {
    const admin = await requireInstanceAdmin(actor, tx);
    const [user] = await tx
      .update(t.users)
      .set({ disabledAt: null })
      .where(and(eq(t.users.id, id), isNotNull(t.users.disabledAt)))
      .returning({ id: t.users.id, email: t.users.email, name: t.users.name });
    if (!user) {
      const [exists] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, id)).limit(1);
      if (!exists) throw userNotFound();
      return { changed: false };
    }
    await recordActivity(tx, admin, { action: "user.enabled", target: { type: "user", id, label: user.email ?? user.name } });
    return { changed: true };
  });
}

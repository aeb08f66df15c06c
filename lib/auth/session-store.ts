import { and, eq, lt, ne } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Writing last_seen_at on every request would turn every page view into a write.
const TOUCH_AFTER_MS = 60_000;

/** A row for a browser that just signed in; its id goes into the session JWT. */
export async function startSession(userId: string, ctx: { userAgent?: string | null; ip?: string | null }) {
  const [row] = await db()
    .insert(t.userSessions)
    .values({ userId, userAgent: ctx.userAgent?.slice(0, 500) ?? null, ip: ctx.ip ?? null })
    .returning({ id: t.userSessions.id });
  return row.id;
}

/** The live session row of a JWT (null when it was ended), marking it seen. */
export async function findLiveSession(sessionId: unknown, userId: string, now = new Date()) {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return null;
  const [row] = await db()
    .select()
    .from(t.userSessions)
    .where(and(eq(t.userSessions.id, sessionId), eq(t.userSessions.userId, userId)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db()
      .update(t.userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(t.userSessions.id, sessionId), lt(t.userSessions.lastSeenAt, new Date(now.getTime() - TOUCH_AFTER_MS))));
  }
  return row;
}

/** Ends one session (sign-out). Unknown ids are not an error: the browser is signed out anyway. */
export async function endSession(sessionId: unknown) {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return;
  await db().delete(t.userSessions).where(eq(t.userSessions.id, sessionId));
}

/** Ends every session of an account, or every one but `keep` (inside the caller's transaction). */
export async function endSessionsOf(q: Queryable, userId: string, keep?: string | null) {
  const ended = await q
    .delete(t.userSessions)
    .where(and(eq(t.userSessions.userId, userId), keep ? ne(t.userSessions.id, keep) : undefined))
    .returning({ id: t.userSessions.id });
  return ended.length;
}

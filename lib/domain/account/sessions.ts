import { and, desc, eq } from "drizzle-orm";
import { db, t } from "@/db";
import { endSessionsOf } from "@/lib/auth/session-store";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { recordActivity } from "../activity/record-activity";
import { requireUser } from "../users/require-user";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noSuchSession = () => new AppError("not_found", "This session has already ended.", undefined, "session_not_found");

/** The signed-in browsers of the caller's own account, most recently seen first. */
export async function listSessions(actor: Actor, currentSessionId?: string | null) {
  const user = requireUser(actor);
  const rows = await db()
    .select()
    .from(t.userSessions)
    .where(eq(t.userSessions.userId, user.userId))
    .orderBy(desc(t.userSessions.lastSeenAt));
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.userAgent,
    ip: r.ip,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    current: r.id === currentSessionId,
  }));
}

/** Ends one session of the caller's own account; another account's session looks like none. */
export async function signOutSession(actor: Actor, input: { sessionId: string }) {
  const user = requireUser(actor);
  if (typeof input.sessionId !== "string" || !UUID.test(input.sessionId)) throw noSuchSession();
  return db().transaction(async (tx) => {
    const [ended] = await tx
      .delete(t.userSessions)
      .where(and(eq(t.userSessions.id, input.sessionId), eq(t.userSessions.userId, user.userId)))
      .returning({ id: t.userSessions.id });
    if (!ended) throw noSuchSession();
    await recordActivity(tx, actor, { action: "account.session_ended", target: { type: "user", id: user.userId, label: user.label } });
    return { ended: 1 };
  });
}

/** Ends every session of the caller's account except the one making the request. */
export async function signOutOtherSessions(actor: Actor, input: { currentSessionId: string | null | undefined }) {
  const user = requireUser(actor);
  return db().transaction(async (tx) => {
    const ended = await endSessionsOf(tx, user.userId, input.currentSessionId ?? null);
    await recordActivity(tx, actor, {
      action: "account.other_sessions_ended",
      target: { type: "user", id: user.userId, label: user.label },
      metadata: { ended },
    });
    return { ended };
  });
}

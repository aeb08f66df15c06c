import { and, eq, isNull } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";

/**
 * The account behind a session, if it may act now: it exists, can sign in (has an email) and is
 * not disabled. Read on every request, so a disable or deletion takes effect on the next one.
 */
export async function findActiveAccount(userId: string, q: Queryable = db()) {
  const [user] = await q
    .select({ id: t.users.id, name: t.users.name, email: t.users.email, emailVerifiedAt: t.users.emailVerifiedAt })
    .from(t.users)
    .where(and(eq(t.users.id, userId), isNull(t.users.disabledAt)))
    .limit(1);
  return user?.email ? { ...user, email: user.email } : null;
}

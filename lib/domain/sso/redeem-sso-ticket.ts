import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";
import { findActiveAccount } from "../users/active-account";
import { hashSsoSecret } from "./sso-secrets";

/**
 * The "sso" credentials provider's check: a login ticket minted by the callback, spent on first
 * use, within 2 minutes. Returns the account to start a session for, or null.
 */
export async function redeemSsoTicket(ticket: unknown) {
  if (typeof ticket !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
  const now = new Date();
  const [row] = await db()
    .update(t.ssoTickets)
    .set({ usedAt: now })
    .where(and(eq(t.ssoTickets.ticketHash, hashSsoSecret(ticket)), isNull(t.ssoTickets.usedAt), gt(t.ssoTickets.expiresAt, now)))
    .returning({ userId: t.ssoTickets.userId });
  // Old tickets are of no use: sweep them while here.
  await db()
    .delete(t.ssoTickets)
    .where(lt(t.ssoTickets.expiresAt, new Date(now.getTime() - 60 * 60 * 1000)));
  if (!row) return null;
  const user = await findActiveAccount(row.userId);
  if (!user) throw new AppError("unauthenticated", "This account is disabled. Contact your instance admin.", undefined, "account_disabled");
  return { id: user.id, name: user.name, email: user.email };
}

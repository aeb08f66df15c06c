import { and, eq, isNull } from "drizzle-orm";
import { RateLimiterRes } from "rate-limiter-flexible";
import { db, t, type Tx } from "@/db";
import PasswordResetEmail, { passwordResetSubject } from "@/emails/password-reset";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/session-store";
import type { Actor } from "@/lib/authz/actor";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { drizzleLimiters } from "@/lib/rate-limit";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/account";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { consumeAccountLink, issueAccountLink, peekAccountLink, retireAccountLinks } from "./account-links";
import { assertPasswordNotCommon } from "./password-strength";

// Per address and per client: enough for a person who mistyped, too few to flood a mailbox.
const limits = () =>
  drizzleLimiters("password-reset", {
    email: { points: 3, duration: 60 * 60 },
    ip: { points: 20, duration: 60 * 60 },
  });

const tooMany = (res: RateLimiterRes) => {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60000));
  return new AppError(
    "rate_limited",
    `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    undefined,
    "too_many",
    Math.ceil(res.msBeforeNext / 1000),
  );
};

/**
 * Forgot password: mails a reset link (1 hour, single use) when an account has this address.
 * The answer is the same either way, and the limits count before the address is looked up, so
 * neither the answer nor a refusal tells whether the address has an account.
 */
export async function requestPasswordReset(input: unknown, ctx: { ip?: string | null } = {}) {
  const { email } = parseInput(forgotPasswordSchema, input);
  const l = limits();
  try {
    await l.email.consume(email);
    if (ctx.ip) await l.ip.consume(ctx.ip);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw tooMany(err);
    throw err;
  }
  const [user] = await db().select().from(t.users).where(eq(t.users.email, email)).limit(1);
  if (!user?.email) return { sent: true };
  await db().transaction(async (tx) => {
    const link = await issueAccountLink(tx, { userId: user.id, purpose: "reset_password", email: user.email! });
    const message = await renderEmail("password-reset", passwordResetSubject(), PasswordResetEmail({ link }));
    await enqueueEmail(tx, { ...message, to: user.email! });
    await recordActivity(
      tx,
      { kind: "anonymous", ip: ctx.ip },
      { action: "account.password_reset_requested", target: { type: "user", id: user.id, label: user.email } },
    );
  });
  return { sent: true };
}

/** Whether a reset link still works, for its page (nothing is used). */
export async function isResetLinkLive(token: string) {
  return !!(await peekAccountLink(db(), token, ["reset_password"]));
}

/** Every API access token of the account stops working (in the caller's transaction). */
export async function revokeApiAccessTokensOf(tx: Tx, userId: string, now = new Date()) {
  await tx
    .update(t.apiAccessTokens)
    .set({ revokedAt: now })
    .where(and(eq(t.apiAccessTokens.userId, userId), isNull(t.apiAccessTokens.revokedAt)));
}

/**
 * Sets a new password from a reset link. Whoever had the old password may be signed in
 * somewhere: every session and every API access token of the account ends with it.
 */
export async function resetPassword(token: string, input: unknown, ctx: { ip?: string | null; now?: Date } = {}) {
  const { password } = parseInput(resetPasswordSchema, input);
  const [user0] = await (async () => {
    const link = await peekAccountLink(db(), token, ["reset_password"], ctx.now);
    return link ? db().select().from(t.users).where(eq(t.users.id, link.userId)).limit(1) : [];
  })();
  assertPasswordNotCommon(password, [user0?.email ?? "", user0?.name ?? ""]);
  const passwordHash = await hashPassword(password);
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const link = await consumeAccountLink(tx, token, ["reset_password"], now);
    const [user] = await tx.select().from(t.users).where(eq(t.users.id, link.userId)).for("update").limit(1);
    // A link sent to an address the account has since left proves nothing.
    if (!user || user.email !== link.email)
      throw new AppError("not_found", "This link is invalid, expired or already used.", undefined, "invalid_link");
    // The link reached the address: it is verified now, if it was not before.
    await tx
      .update(t.users)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now })
      .where(eq(t.users.id, user.id));
    await retireAccountLinks(tx, user.id, "reset_password", now);
    const sessionsEnded = await endSessionsOf(tx, user.id);
    await revokeApiAccessTokensOf(tx, user.id, now);
    const actor: Actor = { kind: "user", userId: user.id, label: user.email, ip: ctx.ip };
    await recordActivity(tx, actor, {
      action: "account.password_reset",
      target: { type: "user", id: user.id, label: user.email },
      metadata: { sessions_ended: sessionsEnded },
    });
    return { email: user.email! };
  });
}

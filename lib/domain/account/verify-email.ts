import { and, eq, isNull } from "drizzle-orm";
import { db, t, type Queryable, type Tx } from "@/db";
import EmailChangeNoticeEmail, { emailChangeNoticeSubject } from "@/emails/email-change-notice";
import VerifyEmail, { verifyEmailSubject } from "@/emails/verify-email";
import type { Actor } from "@/lib/authz/actor";
import { appUrl } from "@/lib/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { drizzleLimiters } from "@/lib/rate-limit";
import { RateLimiterRes } from "rate-limiter-flexible";
import { recordActivity } from "../activity/record-activity";
import { requireUser } from "../users/require-user";
import { consumeAccountLink, issueAccountLink, peekAccountLink, retireAccountLinks } from "./account-links";

export const unverifiedError = (doing: string) =>
  new AppError("forbidden", `Verify your email address before you ${doing}. Use the link we emailed you.`, undefined, "email_unverified");

/** Whether an account's address is verified (null email: organization-managed, never verified). */
export async function isEmailVerified(q: Queryable, userId: string) {
  const [row] = await q.select({ at: t.users.emailVerifiedAt }).from(t.users).where(eq(t.users.id, userId)).limit(1);
  return !!row?.at;
}

/** Writes a verification link for the account's current address and its email (in the caller's transaction). */
export async function sendVerificationLink(tx: Tx, user: { id: string; name: string; email: string }, welcome: boolean) {
  const link = await issueAccountLink(tx, { userId: user.id, purpose: "verify_email", email: user.email });
  const message = await renderEmail(
    "verify-email",
    verifyEmailSubject(welcome),
    VerifyEmail({ name: user.name, link, welcome, appUrl: appUrl() }),
  );
  await enqueueEmail(tx, { ...message, to: user.email });
}

const resendLimits = () => drizzleLimiters("verify-resend", { user: { points: 3, duration: 15 * 60 } });

/** The banner's Resend Verification Email: a fresh link, a few times per quarter hour. */
export async function resendVerificationEmail(actor: Actor) {
  const { userId } = requireUser(actor);
  const [user] = await db().select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  if (!user?.email) throw new AppError("not_found", "Account not found.");
  if (user.emailVerifiedAt) throw new AppError("conflict", "Your email address is already verified.", undefined, "already_verified");
  try {
    await resendLimits().user.consume(userId);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const minutes = Math.max(1, Math.ceil(err.msBeforeNext / 60000));
    throw new AppError(
      "rate_limited",
      `Too many emails sent. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      undefined,
      "too_many",
      Math.ceil(err.msBeforeNext / 1000),
    );
  }
  return db().transaction(async (tx) => {
    await sendVerificationLink(tx, { id: user.id, name: user.name, email: user.email! }, false);
    await recordActivity(tx, actor, { action: "account.verification_sent", target: { type: "user", id: user.id, label: user.email } });
    return { sentTo: user.email! };
  });
}

/** What a verification link would do, for its page (nothing is used). */
export async function describeEmailLink(token: string) {
  const link = await peekAccountLink(db(), token, ["verify_email", "change_email"]);
  if (!link) return null;
  return { purpose: link.purpose, email: link.email };
}

/**
 * Follows a link from the mailbox: verifies the address it was sent to, or, for a change of
 * address, makes the new address the account's (verified) and tells the old one.
 */
export async function confirmEmailLink(token: string, ctx: { ip?: string | null; now?: Date } = {}) {
  const now = ctx.now ?? new Date();
  try {
    return await db().transaction(async (tx) => {
      const link = await consumeAccountLink(tx, token, ["verify_email", "change_email"], now);
      const [user] = await tx.select().from(t.users).where(eq(t.users.id, link.userId)).for("update").limit(1);
      const actor: Actor = { kind: "user", userId: link.userId, label: user?.email ?? link.email, ip: ctx.ip };
      if (link.purpose === "verify_email") {
        // A link for an address the account no longer has proves nothing about the current one.
        if (!user || user.email !== link.email)
          throw new AppError("not_found", "This link is for an address this account no longer uses.", undefined, "invalid_link");
        await tx
          .update(t.users)
          .set({ emailVerifiedAt: user.emailVerifiedAt ?? now })
          .where(eq(t.users.id, user.id));
        await recordActivity(tx, actor, { action: "account.email_verified", target: { type: "user", id: user.id, label: link.email } });
        return { purpose: link.purpose, email: link.email };
      }
      if (!user?.email) throw new AppError("not_found", "Account not found.", undefined, "invalid_link");
      const oldEmail = user.email;
      await tx
        .update(t.users)
        .set({ email: link.email, emailVerifiedAt: now })
        .where(and(eq(t.users.id, user.id)));
      await retireAccountLinks(tx, user.id, "change_email", now);
      await retireAccountLinks(tx, user.id, "reset_password", now);
      await recordActivity(tx, actor, {
        action: "account.email_changed",
        target: { type: "user", id: user.id, label: link.email },
        metadata: { from: oldEmail, to: link.email },
      });
      const notice = await renderEmail(
        "email-change-notice",
        emailChangeNoticeSubject(true),
        EmailChangeNoticeEmail({ oldEmail, newEmail: link.email, done: true }),
      );
      await enqueueEmail(tx, { ...notice, to: oldEmail });
      return { purpose: link.purpose, email: link.email };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "Another account uses this address now.", undefined, "email_taken");
    throw err;
  }
}

/** Accepting an invitation sent to the account's own address proves the address. */
export async function markVerifiedByInvitation(tx: Tx, userId: string, now: Date) {
  await tx
    .update(t.users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(t.users.id, userId), isNull(t.users.emailVerifiedAt)));
}

import { and, eq, inArray, sql } from "drizzle-orm";
import { db, t } from "@/db";
import EmailChangeEmail, { emailChangeSubject } from "@/emails/email-change";
import EmailChangeNoticeEmail, { emailChangeNoticeSubject } from "@/emails/email-change-notice";
import { clearLoginFailures, takeLoginAttempt } from "@/lib/auth/login-limiter";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/session-store";
import type { Actor } from "@/lib/authz/actor";
import { enqueueEmails } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, updateNameSchema } from "@/lib/validation/account";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { requireUser } from "../users/require-user";
import { issueAccountLink, retireAccountLinks } from "./account-links";
import { assertPasswordNotCommon } from "./password-strength";

async function accountOf(userId: string) {
  const [user] = await db().select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  if (!user?.email) throw new AppError("not_found", "Account not found.");
  return { ...user, email: user.email };
}

/** Save Name. */
export async function updateName(actor: Actor, input: unknown) {
  const { userId, label } = requireUser(actor);
  const { name } = parseInput(updateNameSchema, input);
  return db().transaction(async (tx) => {
    const [before] = await tx.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, userId)).for("update");
    await tx.update(t.users).set({ name }).where(eq(t.users.id, userId));
    await recordActivity(tx, actor, {
      action: "account.name_changed",
      target: { type: "user", id: userId, label },
      metadata: { from: before?.name ?? null, to: name },
    });
    return { name };
  });
}

const wrongPassword = () =>
  new AppError(
    "validation",
    "The current password is wrong.",
    { currentPassword: "The current password is wrong." },
    "invalid_credentials",
  );

/** Checks the account's own password, counted like sign-in attempts (so it cannot be guessed here instead). */
export async function assertOwnPassword(
  user: { email: string; passwordHash: string | null },
  password: string,
  ip?: string | null,
  field = "currentPassword",
) {
  await takeLoginAttempt(user.email, ip);
  if (!(await verifyPassword(user.passwordHash, password))) {
    const err = wrongPassword();
    throw field === "currentPassword"
      ? err
      : new AppError("validation", "The password is wrong.", { [field]: "The password is wrong." }, "invalid_credentials");
  }
  await clearLoginFailures(user.email, ip);
}

/** Change Password: this session stays signed in, every other one ends. */
export async function changePassword(actor: Actor, input: unknown, ctx: { currentSessionId?: string | null } = {}) {
  const { userId } = requireUser(actor);
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const user = await accountOf(userId);
  await assertOwnPassword(user, currentPassword, actor.ip);
  assertPasswordNotCommon(newPassword, [user.email, user.name], "newPassword");
  const passwordHash = await hashPassword(newPassword);
  return db().transaction(async (tx) => {
    await tx.update(t.users).set({ passwordHash }).where(eq(t.users.id, userId));
    const ended = await endSessionsOf(tx, userId, ctx.currentSessionId ?? null);
    await retireAccountLinks(tx, userId, "reset_password");
    await recordActivity(tx, actor, {
      action: "account.password_changed",
      target: { type: "user", id: userId, label: user.email },
      metadata: { sessions_ended: ended },
    });
    return { sessionsEnded: ended };
  });
}

/**
 * Change Email: nothing changes until the new address follows its link (so nobody can take an
 * address they cannot read); the old address is told now, and again when it happens.
 */
export async function requestEmailChange(actor: Actor, input: unknown) {
  const { userId } = requireUser(actor);
  const { newEmail } = parseInput(changeEmailSchema, input);
  const user = await accountOf(userId);
  if (newEmail === user.email) throw new AppError("validation", "This is already your email.", { newEmail: "This is already your email." });
  const [taken] = await db().select({ id: t.users.id }).from(t.users).where(eq(t.users.email, newEmail)).limit(1);
  if (taken) {
    throw new AppError("conflict", "Another account uses this address.", { newEmail: "Another account uses this address." }, "email_taken");
  }
  return db().transaction(async (tx) => {
    // Only the newest request counts.
    await retireAccountLinks(tx, userId, "change_email");
    const link = await issueAccountLink(tx, { userId, purpose: "change_email", email: newEmail });
    const [confirm, notice] = await Promise.all([
      renderEmail("email-change", emailChangeSubject(), EmailChangeEmail({ oldEmail: user.email, newEmail, link })),
      renderEmail(
        "email-change-notice",
        emailChangeNoticeSubject(false),
        EmailChangeNoticeEmail({ oldEmail: user.email, newEmail, done: false }),
      ),
    ]);
    await enqueueEmails(tx, [
      { ...confirm, to: newEmail },
      { ...notice, to: user.email },
    ]);
    await recordActivity(tx, actor, {
      action: "account.email_change_requested",
      target: { type: "user", id: userId, label: user.email },
      metadata: { to: newEmail },
    });
    return { sentTo: newEmail };
  });
}

const lastAdminOf = (orgs: string[]) =>
  new AppError(
    "conflict",
    `You are the only admin of ${orgs.join(", ")}. Make someone else an admin there (or delete the organization) before deleting your account.`,
    undefined,
    "last_admin",
  );

/** Delete Account: confirmed by typing the email; refused while the account is an org's last admin. */
export async function deleteAccount(actor: Actor, input: unknown) {
  const { userId } = requireUser(actor);
  const { confirmEmail } = parseInput(deleteAccountSchema, input);
  const user = await accountOf(userId);
  if (confirmEmail !== user.email) {
    throw new AppError("validation", "Type your email address to confirm.", { confirmEmail: "This is not your email address." });
  }
  return db().transaction(async (tx) => {
    const adminOf = await tx
      .select({ orgId: t.memberships.orgId })
      .from(t.memberships)
      .where(and(eq(t.memberships.userId, userId), eq(t.memberships.role, "admin")));
    const orgIds = adminOf.map((m) => m.orgId);
    if (orgIds.length > 0) {
      // The same org locks as role changes and removals take, so "at least one admin" holds.
      await tx
        .select({ id: t.organizations.id })
        .from(t.organizations)
        .where(inArray(t.organizations.id, orgIds))
        .orderBy(t.organizations.id)
        .for("update");
      const alone = await tx
        .select({ slug: t.organizations.slug, admins: sql<number>`count(*)::int` })
        .from(t.memberships)
        .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.orgId))
        .where(and(inArray(t.memberships.orgId, orgIds), eq(t.memberships.role, "admin")))
        .groupBy(t.organizations.slug)
        .having(sql`count(*) = 1`);
      if (alone.length > 0) throw lastAdminOf(alone.map((a) => a.slug).sort());
    }
    const memberships = await tx.select({ orgId: t.memberships.orgId }).from(t.memberships).where(eq(t.memberships.userId, userId));
    // One entry per org the person leaves (so each org's log shows it), and one for the account.
    for (const m of memberships) {
      await recordActivity(tx, actor, {
        orgId: m.orgId,
        action: "member.left",
        target: { type: "user", id: userId, label: user.email },
        metadata: { accountDeleted: true },
      });
    }
    await recordActivity(tx, actor, { action: "account.deleted", target: { type: "user", id: userId, label: user.email } });
    // Memberships, seats' tokens, sessions, links and API tokens go with the row (ON DELETE CASCADE).
    await tx.delete(t.users).where(eq(t.users.id, userId));
    return { deleted: true };
  });
}

import { db, t } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { takeAbuseBudget } from "@/lib/auth/abuse-limits";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { assertPasswordNotCommon } from "../account/password-strength";
import { sendVerificationLink } from "../account/verify-email";
import { recordActivity } from "../activity/record-activity";
import { claimFirstAdmin } from "../instance/instance-admin";
import { assertSignUpAllowed } from "../instance/instance-rules";

const emailTaken = () =>
  new AppError(
    "conflict",
    "An account with this email already exists.",
    {
      email: "An account with this email already exists. Sign in instead.",
    },
    "email_taken",
  );

/** Creates an account, records it and sends the welcome email with its verification link, all in one transaction. */
export async function signUp(input: SignUpInput, ctx: { ip?: string | null } = {}) {
  const { name, email, password } = parseInput(signUpSchema, input);
  assertPasswordNotCommon(password, [email, name]);
  await takeAbuseBudget("signUp", { ip: ctx.ip });
  const passwordHash = await hashPassword(password);
  try {
    return await db().transaction(async (tx) => {
      await assertSignUpAllowed(tx, email);
      const [user] = await tx
        .insert(t.users)
        .values({ name, email, passwordHash })
        .onConflictDoNothing()
        .returning({ id: t.users.id, name: t.users.name, email: t.users.email });
      if (!user) throw emailTaken();
      await recordActivity(
        tx,
        { kind: "user", userId: user.id, label: email, ip: ctx.ip },
        {
          action: "user.signed_up",
          target: { type: "user", id: user.id, label: email },
        },
      );
      if (await claimFirstAdmin(tx, user.id)) {
        await recordActivity(
          tx,
          { kind: "user", userId: user.id, label: email, ip: ctx.ip },
          {
            action: "instance.admin_claimed",
            target: { type: "user", id: user.id, label: email },
            metadata: { reason: "first account" },
          },
        );
      }
      // The welcome email carries the link that verifies the address (24 hours, single use).
      await sendVerificationLink(tx, { id: user.id, name, email }, true);
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

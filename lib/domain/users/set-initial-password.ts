import { and, eq, isNull, sql } from "drizzle-orm";
import { db, t } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { isPasswordSetupSignatureValid, readPasswordSetupToken } from "@/lib/auth/password-setup-token";
import { AppError } from "@/lib/errors";
import { passwordSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { z } from "zod";
import { assertPasswordNotCommon } from "../account/password-strength";
import { recordActivity } from "../activity/record-activity";

const invalidLink = () =>
  new AppError(
    "not_found",
    "This link is invalid, expired or already used. Ask an administrator of your organization to add you again.",
    undefined,
    "invalid_link",
  );

/** Who a password-setup link is for, or an error saying it no longer works. */
export async function findPasswordSetupUser(token: string, now = Date.now()) {
  const parsed = readPasswordSetupToken(token);
  if (!parsed || parsed.expiresAt < now || !z.uuid().safeParse(parsed.userId).success) throw invalidLink();
  const [user] = await db().select().from(t.users).where(eq(t.users.id, parsed.userId)).limit(1);
  if (!user?.email || !isPasswordSetupSignatureValid(parsed.payload, parsed.signature, user.passwordHash)) throw invalidLink();
  return { id: user.id, email: user.email, name: user.name, passwordHash: user.passwordHash };
}

/** Sets the first password of an account made for someone; the link then stops working. */
export async function setInitialPassword(token: string, input: { password: unknown }, ctx: { ip?: string | null } = {}) {
  const { password } = parseInput(z.object({ password: passwordSchema }), input);
  const user = await findPasswordSetupUser(token);
  assertPasswordNotCommon(password, [user.email, user.name]);
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    // Only if nobody used the link in the meantime: the hash it was signed over must be unchanged.
    const [updated] = await tx
      .update(t.users)
      // The link was emailed to the address: using it verifies the address.
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${t.users.emailVerifiedAt}, now())` })
      .where(and(eq(t.users.id, user.id), user.passwordHash ? eq(t.users.passwordHash, user.passwordHash) : isNull(t.users.passwordHash)))
      .returning({ id: t.users.id });
    if (!updated) throw invalidLink();
    await recordActivity(
      tx,
      { kind: "user", userId: user.id, label: user.email, ip: ctx.ip },
      {
        action: "user.password_set",
        target: { type: "user", id: user.id, label: user.email },
      },
    );
    return { email: user.email };
  });
}

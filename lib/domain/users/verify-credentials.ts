import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import { clearLoginFailures, takeLoginAttempt } from "@/lib/auth/login-limiter";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validation/auth";
import { assertPasswordSignInAllowed } from "../sso/assert-password-sign-in-allowed";

export const invalidCredentials = () => new AppError("unauthenticated", "Invalid email or password.", undefined, "invalid_credentials");

/**
 * Checks an email and password. Unknown email and wrong password fail the same way, equally
 * slowly; repeated failures per email or IP are refused for a while.
 */
export async function verifyCredentials(input: { email?: unknown; password?: unknown }, ctx: { ip?: string | null } = {}) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw invalidCredentials();
  const { email, password } = parsed.data;
  await takeLoginAttempt(email, ctx.ip);
  // Require SSO (Org Profile -> Single Sign-On): the org's verified domains sign in through its IdP only.
  await assertPasswordSignInAllowed(email);
  const [user] = await db().select().from(t.users).where(eq(t.users.email, email)).limit(1);
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) throw invalidCredentials();
  // Told only to someone who knows the password, so it reveals nothing about the address.
  if (user.disabledAt) {
    throw new AppError("unauthenticated", "This account is disabled. Contact your instance admin.", undefined, "account_disabled");
  }
  await clearLoginFailures(email, ctx.ip);
  return { id: user.id, name: user.name, email: user.email!, twoFactor: !!user.totpEnabledAt };
}

import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { RateLimiterRes } from "rate-limiter-flexible";
import { db, t } from "@/db";
import { open, seal } from "@/lib/auth/secret-box";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { drizzleLimiters } from "@/lib/rate-limit";
import { hashSecret } from "@/lib/domain/tokens/secret-scheme";
import { disableTwoFactorSchema, enableTwoFactorSchema } from "@/lib/validation/account";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { requireUser } from "../users/require-user";
import { assertOwnPassword } from "./account-settings";

const ISSUER = "Org Portal";
const PERIOD = 30;
const SEAL_PURPOSE = "totp-secret";
export const RECOVERY_CODE_COUNT = 10;

const totpFor = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });

const currentStep = (now: number) => Math.floor(now / 1000 / PERIOD);

// Code guesses per account: a 6-digit code falls to brute force without a limit.
const codeLimiter = () => drizzleLimiters("two-factor", { user: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 } });

async function takeCodeAttempt(userId: string) {
  try {
    await codeLimiter().user.consume(userId);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const minutes = Math.max(1, Math.ceil(err.msBeforeNext / 60000));
    throw new AppError(
      "rate_limited",
      `Too many authentication codes tried. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      undefined,
      "too_many_attempts",
      Math.ceil(err.msBeforeNext / 1000),
    );
  }
}

const wrongCode = (field = "code") =>
  new AppError(
    "validation",
    "That code is not right. Enter the current code from your app.",
    { [field]: "That code is not right." },
    "invalid_code",
  );

/** A new secret to enrol (not stored until a code from it is confirmed), with its otpauth:// URI. */
export async function getTwoFactorSetup(actor: Actor) {
  const { userId, label } = requireUser(actor);
  const [user] = await db().select({ enabledAt: t.users.totpEnabledAt }).from(t.users).where(eq(t.users.id, userId));
  if (user?.enabledAt) return { enabled: true as const };
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  return { enabled: false as const, secret, uri: totpFor(secret, label).toString() };
}

const newRecoveryCode = () => {
  const raw = randomBytes(8).toString("hex").slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
};
const normalizeCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

/** Verify: the first code from the app turns 2FA on; the 10 recovery codes are returned once. */
export async function enableTwoFactor(actor: Actor, input: unknown, { now = Date.now() } = {}) {
  const { userId, label } = requireUser(actor);
  const { secret, code } = parseInput(enableTwoFactorSchema, input);
  await takeCodeAttempt(userId);
  const delta = totpFor(secret, label).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) throw wrongCode();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const enabled = await db().transaction(async (tx) => {
    const [updated] = await tx
      .update(t.users)
      .set({ totpSecretEnc: seal(SEAL_PURPOSE, secret), totpEnabledAt: new Date(now), totpLastStep: currentStep(now) + delta })
      .where(and(eq(t.users.id, userId), isNull(t.users.totpEnabledAt)))
      .returning({ id: t.users.id });
    if (!updated) throw new AppError("conflict", "Two-factor authentication is already on.", undefined, "already_enabled");
    await tx.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId));
    await tx.insert(t.recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashSecret(normalizeCode(c)) })));
    await recordActivity(tx, actor, { action: "account.two_factor_enabled", target: { type: "user", id: userId, label } });
    return { recoveryCodes: codes };
  });
  // After the transaction: the limiter has its own statements (one connection on PGlite).
  await codeLimiter().user.delete(userId);
  return enabled;
}

/**
 * Checks a second factor: a current TOTP code (each time step accepted once, so a code seen
 * over a shoulder cannot be replayed) or an unused recovery code (then used up). Counted
 * against the account's code attempts.
 */
export async function verifySecondFactor(userId: string, code: unknown, ctx: { ip?: string | null; now?: number } = {}) {
  if (typeof code !== "string" || code.length > 40) return false;
  await takeCodeAttempt(userId);
  const now = ctx.now ?? Date.now();
  const [user] = await db().select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  if (!user?.totpEnabledAt || !user.totpSecretEnc || !user.email) return false;
  const normalized = normalizeCode(code);
  let ok = false;
  if (/^\d{6}$/.test(normalized)) {
    const delta = totpFor(open(SEAL_PURPOSE, user.totpSecretEnc), user.email).validate({ token: normalized, timestamp: now, window: 1 });
    if (delta !== null) {
      const step = currentStep(now) + delta;
      const [taken] = await db()
        .update(t.users)
        .set({ totpLastStep: step })
        .where(and(eq(t.users.id, userId), or(isNull(t.users.totpLastStep), lt(t.users.totpLastStep, step))))
        .returning({ id: t.users.id });
      ok = !!taken;
    }
  } else if (/^[0-9a-f]{10}$/.test(normalized)) {
    ok = await db().transaction(async (tx) => {
      const [used] = await tx
        .update(t.recoveryCodes)
        .set({ usedAt: new Date(now) })
        .where(
          and(eq(t.recoveryCodes.userId, userId), eq(t.recoveryCodes.codeHash, hashSecret(normalized)), isNull(t.recoveryCodes.usedAt)),
        )
        .returning({ id: t.recoveryCodes.id });
      if (!used) return false;
      const actor: Actor = { kind: "user", userId, label: user.email!, ip: ctx.ip };
      const left = await tx.$count(t.recoveryCodes, and(eq(t.recoveryCodes.userId, userId), isNull(t.recoveryCodes.usedAt)));
      await recordActivity(tx, actor, {
        action: "account.recovery_code_used",
        target: { type: "user", id: userId, label: user.email },
        metadata: { left },
      });
      return true;
    });
  }
  if (ok) await codeLimiter().user.delete(userId);
  return ok;
}

/** Disable Two-Factor Authentication: needs the password and a code (or a recovery code). */
export async function disableTwoFactor(actor: Actor, input: unknown) {
  const { userId, label } = requireUser(actor);
  const { password, code } = parseInput(disableTwoFactorSchema, input);
  const [user] = await db().select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  if (!user?.email) throw new AppError("not_found", "Account not found.");
  if (!user.totpEnabledAt) throw new AppError("conflict", "Two-factor authentication is off.", undefined, "not_enabled");
  await assertOwnPassword({ email: user.email, passwordHash: user.passwordHash }, password, actor.ip, "password");
  if (!(await verifySecondFactor(userId, code, { ip: actor.ip }))) throw wrongCode();
  return db().transaction(async (tx) => {
    await tx.update(t.users).set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null }).where(eq(t.users.id, userId));
    await tx.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId));
    await recordActivity(tx, actor, { action: "account.two_factor_disabled", target: { type: "user", id: userId, label } });
    return { disabled: true };
  });
}

/** For tests and the enrolment page: the current code of a secret. */
export const currentTotpCode = (secretBase32: string, now = Date.now()) => totpFor(secretBase32, "x").generate({ timestamp: now });

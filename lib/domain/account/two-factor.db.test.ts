import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as tokenRoute } from "@/app/api/oauth/token/route";
import { db, t } from "@/db";
import { open } from "@/lib/auth/secret-box";
import { createTestOrg, serviceAccountOf } from "@/lib/domain/members/test-support";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { callRoute, createLoginUser, PASSWORD } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { currentTotpCode, disableTwoFactor, enableTwoFactor, getTwoFactorSetup, verifySecondFactor } from "./two-factor";

useTestDatabase();

async function enrolled(name = "Tess") {
  const user = await createLoginUser(name);
  const setup = await getTwoFactorSetup(user);
  if (setup.enabled) throw new Error("already on");
  const t0 = Date.now() - 60_000;
  const { recoveryCodes } = await enableTwoFactor(user, { secret: setup.secret, code: currentTotpCode(setup.secret, t0) }, { now: t0 });
  return { user, secret: setup.secret, recoveryCodes };
}

describe("two-factor authentication", () => {
  it("setup gives a base32 key and an otpauth URI (SHA-1, 6 digits, 30 s); nothing is stored before a code confirms it", async () => {
    const user = await createLoginUser("Setup");
    const setup = await getTwoFactorSetup(user);
    expect(setup).toMatchObject({ enabled: false, secret: expect.stringMatching(/^[A-Z2-7]{32}$/) });
    if (setup.enabled) return;
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Org%20Portal:/);
    expect(setup.uri).toContain("algorithm=SHA1");
    expect(setup.uri).toContain("digits=6");
    expect(setup.uri).toContain("period=30");
    const [row] = await db().select().from(t.users).where(eq(t.users.id, user.userId));
    expect(row.totpSecretEnc).toBeNull();
    expect(
      await rejectionOf(
        enableTwoFactor(user, { secret: setup.secret, code: "000000" === currentTotpCode(setup.secret) ? "111111" : "000000" }),
      ),
    ).toMatchObject({
      code: "validation",
      reason: "invalid_code",
    });
  });

  it("Verify turns it on: the secret is encrypted at rest, 10 recovery codes are returned once and stored hashed", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const [row] = await db().select().from(t.users).where(eq(t.users.id, user.userId));
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpSecretEnc).not.toContain(secret);
    expect(open("totp-secret", row.totpSecretEnc!)).toBe(secret);
    const stored = await db().select().from(t.recoveryCodes).where(eq(t.recoveryCodes.userId, user.userId));
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.some((s) => s.codeHash.includes(code))).toBe(false);
    expect(await getTwoFactorSetup(user)).toEqual({ enabled: true });
    await expect(verifyCredentials({ email: user.label, password: PASSWORD })).resolves.toMatchObject({ twoFactor: true });
  });

  it("a code is accepted once (no replay); a recovery code once; wrong codes are limited", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const code = currentTotpCode(secret);
    expect(await verifySecondFactor(user.userId, code)).toBe(true);
    expect(await verifySecondFactor(user.userId, code)).toBe(false);
    expect(await verifySecondFactor(user.userId, recoveryCodes[0].toUpperCase())).toBe(true);
    expect(await verifySecondFactor(user.userId, recoveryCodes[0])).toBe(false);
    const [used] = await db().select().from(t.activity).where(eq(t.activity.action, "account.recovery_code_used"));
    expect(used).toMatchObject({ orgId: null, actorId: user.userId, metadata: { left: 9 } });
    // One failure since the last success; four more reach the limit of five, then even a right code is refused.
    for (let i = 0; i < 4; i++) expect(await verifySecondFactor(user.userId, "12345")).toBe(false);
    expect(await rejectionOf(verifySecondFactor(user.userId, recoveryCodes[1]))).toMatchObject({ code: "rate_limited" });
  });

  it("disable needs the password and a code", async () => {
    const { user, secret } = await enrolled();
    expect(await rejectionOf(disableTwoFactor(user, { password: "not my password", code: currentTotpCode(secret) }))).toMatchObject({
      fields: { password: expect.any(String) },
    });
    expect(await rejectionOf(disableTwoFactor(user, { password: PASSWORD, code: "nonsense" }))).toMatchObject({ reason: "invalid_code" });
    await disableTwoFactor(user, { password: PASSWORD, code: currentTotpCode(secret) });
    const [row] = await db().select().from(t.users).where(eq(t.users.id, user.userId));
    expect([row.totpSecretEnc, row.totpEnabledAt]).toEqual([null, null]);
    expect(await db().select().from(t.recoveryCodes).where(eq(t.recoveryCodes.userId, user.userId))).toEqual([]);
  });

  it("the OAuth password grant refuses a 2FA account and says to use a service account", async () => {
    const { user } = await enrolled();
    const res = await callRoute(tokenRoute, { method: "POST", body: { grant_type: "password", username: user.label, password: PASSWORD } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/service account/) });
  });

  it("only the account itself enables or disables it", async () => {
    const { org } = await createTestOrg("2FA");
    const sa = serviceAccountOf(org);
    expect(await rejectionOf(getTwoFactorSetup(sa))).toMatchObject({ code: "unauthenticated" });
    expect(await rejectionOf(enableTwoFactor(sa, { secret: "A".repeat(32), code: "123456" }))).toMatchObject({ code: "unauthenticated" });
    expect(await rejectionOf(disableTwoFactor(sa, { password: "x", code: "123456" }))).toMatchObject({ code: "unauthenticated" });
  });
});

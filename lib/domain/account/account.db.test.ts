import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { findLiveSession, startSession } from "@/lib/auth/session-store";
import { actorFromAccessToken } from "@/lib/domain/tokens/api-access/bearer";
import { addTestMember, createTestOrg, serviceAccountOf } from "@/lib/domain/members/test-support";
import { signUp } from "@/lib/domain/users/sign-up";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { createLoginUser, PASSWORD, userToken } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { addMember, createTestUser, rejectionOf } from "@/test/factories";
import { changePassword, deleteAccount, requestEmailChange, updateName } from "./account-settings";
import { isResetLinkLive, requestPasswordReset, resetPassword } from "./reset-password";
import { confirmEmailLink } from "./verify-email";

useTestDatabase();

async function mailsTo(to: string) {
  return db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, to)).orderBy(desc(t.emailOutbox.id));
}
const tokenIn = (text: string, path: string) => text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))?.[1] ?? "";
const NEW = "a fresh passphrase 42";

describe("forgot password", () => {
  it("answers the same for a known and an unknown address; only the known one gets mail", async () => {
    const user = await createLoginUser("Forgetful");
    const known = await requestPasswordReset({ email: user.label }, { ip: "198.51.100.20" });
    const unknown = await requestPasswordReset({ email: "nobody-here@example.com" }, { ip: "198.51.100.20" });
    expect(known).toEqual(unknown);
    expect((await mailsTo(user.label))[0]).toMatchObject({ template: "password-reset" });
    expect(await mailsTo("nobody-here@example.com")).toEqual([]);
  });

  it("is rate-limited per address before the address is looked up", async () => {
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: "ghost@example.com" });
    expect(await rejectionOf(requestPasswordReset({ email: "ghost@example.com" }))).toMatchObject({ code: "rate_limited" });
  });

  it("the link (1 hour, single use) sets a new password and ends every session and API access token", async () => {
    const user = await createLoginUser("Reset");
    const sessions = await Promise.all([startSession(user.userId, {}), startSession(user.userId, {})]);
    const apiToken = await userToken(user);
    expect(await actorFromAccessToken(apiToken, null)).toMatchObject({ kind: "user" });
    await requestPasswordReset({ email: user.label });
    const token = tokenIn((await mailsTo(user.label))[0].text, "reset-password");
    expect(await isResetLinkLive(token)).toBe(true);

    expect(await rejectionOf(resetPassword(token, { password: "password123" }))).toMatchObject({
      code: "validation",
      fields: { password: expect.stringMatching(/too common/) },
    });
    await resetPassword(token, { password: NEW }, { ip: "198.51.100.21" });
    for (const s of sessions) expect(await findLiveSession(s, user.userId)).toBeNull();
    expect(await actorFromAccessToken(apiToken, null)).toBeNull();
    await expect(verifyCredentials({ email: user.label, password: NEW })).resolves.toMatchObject({ id: user.userId });
    expect(await rejectionOf(resetPassword(token, { password: "yet another passphrase 7" }))).toMatchObject({ reason: "invalid_link" });
    const [entry] = await db().select().from(t.activity).where(eq(t.activity.action, "account.password_reset"));
    expect(entry).toMatchObject({ orgId: null, actorId: user.userId, ip: "198.51.100.21" });
  });

  it("an hour later the link no longer works", async () => {
    const user = await createLoginUser("Late");
    await requestPasswordReset({ email: user.label });
    const token = tokenIn((await mailsTo(user.label))[0].text, "reset-password");
    const later = new Date(Date.now() + 61 * 60 * 1000);
    expect(await rejectionOf(resetPassword(token, { password: NEW }, { now: later }))).toMatchObject({ reason: "invalid_link" });
  });
});

describe("account settings", () => {
  it("Save Name changes only the caller's name", async () => {
    const ada = await createTestUser("Ada");
    await updateName(ada, { name: "  Ada Lovelace " });
    const [row] = await db().select().from(t.users).where(eq(t.users.id, ada.userId));
    expect(row.name).toBe("Ada Lovelace");
    expect(await rejectionOf(updateName(ada, { name: " " }))).toMatchObject({ code: "validation", fields: { name: expect.any(String) } });
  });

  it("Change Password needs the current one, refuses common ones, keeps this session and ends the others", async () => {
    const user = await createLoginUser("Changer");
    const here = await startSession(user.userId, {});
    const there = await startSession(user.userId, {});
    expect(
      await rejectionOf(changePassword(user, { currentPassword: "not it at all", newPassword: NEW }, { currentSessionId: here })),
    ).toMatchObject({
      code: "validation",
      fields: { currentPassword: expect.any(String) },
    });
    expect(await rejectionOf(changePassword(user, { currentPassword: PASSWORD, newPassword: "iloveyou1" }))).toMatchObject({
      fields: { newPassword: expect.stringMatching(/too common/) },
    });
    expect(await changePassword(user, { currentPassword: PASSWORD, newPassword: NEW }, { currentSessionId: here })).toEqual({
      sessionsEnded: 1,
    });
    expect(await findLiveSession(here, user.userId)).not.toBeNull();
    expect(await findLiveSession(there, user.userId)).toBeNull();
    await expect(verifyCredentials({ email: user.label, password: NEW })).resolves.toBeTruthy();
  });

  it("Change Email takes effect only when the new address follows its link; the old address is told twice", async () => {
    const user = await createLoginUser("Mover");
    const newEmail = `moved-${user.userId.slice(0, 6)}@example.com`;
    await requestEmailChange(user, { newEmail: ` ${newEmail.toUpperCase()} ` });
    let [row] = await db().select().from(t.users).where(eq(t.users.id, user.userId));
    expect(row.email).toBe(user.label);
    const [confirm] = await mailsTo(newEmail);
    expect(confirm.template).toBe("email-change");
    expect((await mailsTo(user.label)).map((m) => m.template)).toEqual(["email-change-notice"]);
    await confirmEmailLink(tokenIn(confirm.text, "verify-email"));
    [row] = await db().select().from(t.users).where(eq(t.users.id, user.userId));
    expect(row.email).toBe(newEmail);
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await mailsTo(user.label)).map((m) => m.template)).toEqual(["email-change-notice", "email-change-notice"]);
    await expect(verifyCredentials({ email: newEmail, password: PASSWORD })).resolves.toBeTruthy();
  });

  it("Change Email refuses an address another account has", async () => {
    const a = await createTestUser("A");
    const b = await createTestUser("B");
    expect(await rejectionOf(requestEmailChange(a, { newEmail: b.label }))).toMatchObject({
      code: "conflict",
      fields: { newEmail: expect.any(String) },
    });
  });

  it("a sign-up's verification link stops working once the address has changed", async () => {
    const email = `first-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const user = await signUp({ name: "Flip", email, password: "correct horse battery" });
    const verify = tokenIn((await mailsTo(email))[0].text, "verify-email");
    const actor = { kind: "user" as const, userId: user.id, label: email };
    await requestEmailChange(actor, { newEmail: `second-${email}` });
    await confirmEmailLink(tokenIn((await mailsTo(`second-${email}`))[0].text, "verify-email"));
    expect(await rejectionOf(confirmEmailLink(verify))).toMatchObject({ reason: "invalid_link" });
  });

  it("Delete Account needs the typed email and is refused while the last admin of an org", async () => {
    const { org, admin } = await createTestOrg("Only Admin");
    expect(await rejectionOf(deleteAccount(admin, { confirmEmail: "someone@else.com" }))).toMatchObject({ code: "validation" });
    expect(await rejectionOf(deleteAccount(admin, { confirmEmail: admin.label }))).toMatchObject({
      code: "conflict",
      reason: "last_admin",
    });
    const second = await addTestMember(org, "admin");
    await deleteAccount(admin, { confirmEmail: ` ${admin.label.toUpperCase()} ` });
    expect(await db().select().from(t.users).where(eq(t.users.id, admin.userId))).toEqual([]);
    const left = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "member.left")));
    expect(left).toHaveLength(1);
    expect(await rejectionOf(deleteAccount(second, { confirmEmail: second.label }))).toMatchObject({ reason: "last_admin" });
  });

  it("a member's deletion frees the org; service accounts cannot use account actions", async () => {
    const { org } = await createTestOrg("Members");
    const member = await createTestUser("Member");
    await addMember(org.id, member, "member");
    await deleteAccount(member, { confirmEmail: member.label });
    expect(
      await db()
        .select()
        .from(t.memberships)
        .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, member.userId))),
    ).toEqual([]);
    const sa = serviceAccountOf(org);
    for (const run of [
      () => updateName(sa, { name: "x" }),
      () => changePassword(sa, { currentPassword: "x", newPassword: NEW }),
      () => requestEmailChange(sa, { newEmail: "x@example.com" }),
      () => deleteAccount(sa, { confirmEmail: "x@example.com" }),
    ]) {
      expect(await rejectionOf(run())).toMatchObject({ code: "unauthenticated" });
    }
  });
});

describe("common passwords", () => {
  it("sign-up refuses a common password, on the password field", async () => {
    for (const password of ["password123", "qwertyuiop", "iloveyou1"]) {
      expect(await rejectionOf(signUp({ name: "Weak", email: "weak@example.com", password }))).toMatchObject({
        code: "validation",
        fields: { password: expect.stringMatching(/too common/) },
      });
    }
    expect(await rejectionOf(signUp({ name: "Long", email: "long@example.com", password: "x".repeat(201) }))).toMatchObject({
      fields: { password: expect.stringMatching(/at most 200/) },
    });
  });
});

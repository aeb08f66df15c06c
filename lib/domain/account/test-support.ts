import { startSession } from "@/lib/auth/session-store";
import type { Actor } from "@/lib/authz/actor";
import { addOrgUser } from "@/lib/domain/api-users/add-org-user";
import { createTestOrg } from "@/lib/domain/members/test-support";
import { createLoginUser, PASSWORD } from "@/test/api";
import { createTestUser } from "@/test/factories";
import { db, t } from "@/db";
import { eq } from "drizzle-orm";
import { changePassword, deleteAccount, requestEmailChange, updateName } from "./account-settings";
import { signOutOtherSessions, signOutSession } from "./sessions";
import { currentTotpCode, disableTwoFactor, enableTwoFactor, getTwoFactorSetup } from "./two-factor";
import { resendVerificationEmail } from "./verify-email";
import { setTwoFactorPolicy } from "../settings/set-two-factor-policy";

type AccountCase = {
  useCase: string;
  kind: "user";
  actions: string[];
  account: boolean;
  setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }>;
};

const accountCase = (useCase: string, actions: string[], setup: AccountCase["setup"]): AccountCase => ({
  useCase,
  kind: "user",
  actions,
  account: true,
  setup,
});

const uniqueAddress = () => `acct-${crypto.randomUUID().slice(0, 8)}@example.com`;

/** The account use cases, for the table that checks every mutation records activity. */
export const accountCases: AccountCase[] = [
  accountCase("signOutSession", ["account.session_ended"], async () => {
    const u = await createTestUser("Sessions");
    const sid = await startSession(u.userId, {});
    return { actor: u, act: () => signOutSession(u, { sessionId: sid }) };
  }),
  accountCase("signOutOtherSessions", ["account.other_sessions_ended"], async () => {
    const u = await createTestUser("Sessions");
    const here = await startSession(u.userId, {});
    await startSession(u.userId, {});
    return { actor: u, act: () => signOutOtherSessions(u, { currentSessionId: here }) };
  }),
  accountCase("resendVerificationEmail", ["account.verification_sent"], async () => {
    const u = await createTestUser("Unverified");
    await db().update(t.users).set({ emailVerifiedAt: null }).where(eq(t.users.id, u.userId));
    return { actor: u, act: () => resendVerificationEmail(u) };
  }),
  accountCase("updateName", ["account.name_changed"], async () => {
    const u = await createTestUser("Old Name");
    return { actor: u, act: () => updateName(u, { name: "New Name" }) };
  }),
  accountCase("changePassword", ["account.password_changed"], async () => {
    const u = await createLoginUser("Changer");
    return { actor: u, act: () => changePassword(u, { currentPassword: PASSWORD, newPassword: "a fresh passphrase 42" }) };
  }),
  accountCase("requestEmailChange", ["account.email_change_requested"], async () => {
    const u = await createTestUser("Mover");
    return { actor: u, act: () => requestEmailChange(u, { newEmail: uniqueAddress() }) };
  }),
  accountCase("deleteAccount", ["account.deleted"], async () => {
    const u = await createTestUser("Leaver");
    return { actor: u, act: () => deleteAccount(u, { confirmEmail: u.label }) };
  }),
  accountCase("enableTwoFactor", ["account.two_factor_enabled"], async () => {
    const u = await createLoginUser("Enroller");
    const setup = await getTwoFactorSetup(u);
    const secret = setup.enabled ? "" : setup.secret;
    return { actor: u, act: () => enableTwoFactor(u, { secret, code: currentTotpCode(secret) }) };
  }),
  accountCase("disableTwoFactor", ["account.two_factor_disabled"], async () => {
    const u = await createLoginUser("Disabler");
    const setup = await getTwoFactorSetup(u);
    const secret = setup.enabled ? "" : setup.secret;
    await enableTwoFactor(u, { secret, code: currentTotpCode(secret) });
    // The next time step's code: the one that enabled 2FA cannot be used twice.
    return { actor: u, act: () => disableTwoFactor(u, { password: PASSWORD, code: currentTotpCode(secret, Date.now() + 30_000) }) };
  }),
  // The org's 2FA policy (an org-level entry), turned on by an admin who uses 2FA.
  {
    useCase: "setTwoFactorPolicy",
    kind: "user",
    actions: ["settings.changed"],
    account: false,
    setup: async () => {
      const { org, admin } = await createTestOrg("Policy");
      const setup = await getTwoFactorSetup(admin);
      const secret = setup.enabled ? "" : setup.secret;
      await enableTwoFactor(admin, { secret, code: currentTotpCode(secret) });
      return { actor: admin, act: () => setTwoFactorPolicy(admin, org.slug, { required: true }) };
    },
  },
  // Adding an existing account by email invites it (an org-level entry).
  {
    useCase: "addOrgUser",
    kind: "user",
    actions: ["invitation.created"],
    account: false,
    setup: async () => {
      const { org, admin } = await createTestOrg("Squat");
      const existing = await createTestUser("Existing");
      return { actor: admin, act: () => addOrgUser(admin, org.slug, { email: existing.label }) };
    },
  },
];

// Test-only helpers for the instance *.db.test.ts files.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import type { Actor } from "@/lib/authz/actor";
import { createTestOrg } from "@/lib/domain/members/test-support";
import { createTestUser, type UserActor } from "@/test/factories";
import { grantSubscription } from "./grant-subscription";
import { disableAccount, enableAccount } from "./set-account-disabled";
import { updateInstanceSettings } from "./update-instance-settings";
import { defaultInstanceSettings, type InstanceSettingsView } from "./instance-settings";

/** Makes a user the instance's first admin, as if they had signed up first. */
export async function makeFirstAdmin(user: UserActor) {
  await db()
    .insert(t.instanceSettings)
    .values({ id: 1, firstAdminUserId: user.userId })
    .onConflictDoUpdate({ target: t.instanceSettings.id, set: { firstAdminUserId: user.userId } });
}

export async function createInstanceAdmin(name = "Instance Admin") {
  const admin = await createTestUser(name);
  await makeFirstAdmin(admin);
  return admin;
}

/** Writes settings directly (tests of the rules, not of the Settings page). */
export async function setInstanceSettings(patch: Partial<InstanceSettingsView>) {
  const values = { ...defaultInstanceSettings, ...patch };
  await db()
    .insert(t.instanceSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: t.instanceSettings.id, set: values });
}

export const resetInstanceSettings = () => setInstanceSettings(defaultInstanceSettings);

/** Runs with INSTANCE_ADMINS set, then restores the environment. */
export async function withInstanceAdminsEnv<T>(value: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.INSTANCE_ADMINS;
  process.env.INSTANCE_ADMINS = value;
  resetConfig();
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.INSTANCE_ADMINS;
    else process.env.INSTANCE_ADMINS = before;
    resetConfig();
  }
}

export const disable = (userId: string) => db().update(t.users).set({ disabledAt: new Date() }).where(eq(t.users.id, userId));

export const strongPassword = () => `violet otter harbor ${randomBytes(3).toString("hex")}`;

type InstanceCase = {
  useCase: string;
  kind: "user";
  actions: string[];
  instance: true;
  setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }>;
};
const instanceCase = (useCase: string, actions: string[], setup: InstanceCase["setup"]): InstanceCase => ({
  useCase,
  kind: "user",
  actions,
  instance: true,
  setup,
});

/** The /admin use cases, for the table that checks every mutation records activity. */
export const instanceCases: InstanceCase[] = [
  instanceCase("updateInstanceSettings", ["instance.settings_changed"], async () => {
    const admin = await createInstanceAdmin();
    await resetInstanceSettings();
    return {
      actor: admin,
      act: () =>
        updateInstanceSettings(admin, {
          signUpMode: "allowed_domains",
          allowedDomains: "example.org",
          orgCreators: "anyone",
          selfServicePurchase: true,
        }),
    };
  }),
  instanceCase("disableAccount", ["user.disabled"], async () => {
    const admin = await createInstanceAdmin();
    const user = await createTestUser("To disable");
    return { actor: admin, act: () => disableAccount(admin, user.userId) };
  }),
  instanceCase("enableAccount", ["user.enabled"], async () => {
    const admin = await createInstanceAdmin();
    const user = await createTestUser("To enable");
    await disable(user.userId);
    return { actor: admin, act: () => enableAccount(admin, user.userId) };
  }),
  instanceCase("grantSubscription", ["subscription.granted", "subscription.granted"], async () => {
    const admin = await createInstanceAdmin();
    const { org } = await createTestOrg("Grant");
    const periodEnd = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    return { actor: admin, act: () => grantSubscription(admin, org.slug, { seats: 4, billingCycle: "monthly", periodEnd }) };
  }),
];

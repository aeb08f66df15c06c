// Test-only helpers for the instance *.db.test.ts files.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { createTestUser, type UserActor } from "@/test/factories";
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

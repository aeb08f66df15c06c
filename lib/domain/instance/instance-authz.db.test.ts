import { eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { createTestOrg, serviceAccountOf } from "@/lib/domain/members/test-support";
import { createTestUser, rejectionOf } from "@/test/factories";
import { useTestDatabase } from "@/test/db";
import { grantSubscription } from "./grant-subscription";
import { isInstanceAdmin } from "./instance-admin";
import { readInstanceSettings } from "./instance-settings";
import { listInstanceActivity, listInstanceOrganizations, listInstanceUsers } from "./list-instance";
import { disableAccount, enableAccount } from "./set-account-disabled";
import { createInstanceAdmin, disable, resetInstanceSettings, withInstanceAdminsEnv } from "./test-support";
import { updateInstanceSettings } from "./update-instance-settings";

useTestDatabase();

const future = () => new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

/** Every use case of /admin, each with input that would succeed for an instance admin. */
async function everyUseCase() {
  const { org } = await createTestOrg("Target");
  const victim = await createTestUser("Victim");
  const disabledVictim = await createTestUser("Disabled victim");
  await disable(disabledVictim.userId);
  return {
    org,
    victim,
    cases: {
      listOrganizations: (a: Actor) => listInstanceOrganizations(a, {}),
      listUsers: (a: Actor) => listInstanceUsers(a, {}),
      listActivity: (a: Actor) => listInstanceActivity(a),
      updateSettings: (a: Actor) =>
        updateInstanceSettings(a, { signUpMode: "invite_only", allowedDomains: "", orgCreators: "anyone", selfServicePurchase: true }),
      disableAccount: (a: Actor) => disableAccount(a, victim.userId),
      enableAccount: (a: Actor) => enableAccount(a, disabledVictim.userId),
      grantSubscription: (a: Actor) => grantSubscription(a, org.slug, { seats: 5, billingCycle: "monthly", periodEnd: future() }),
    } satisfies Record<string, (a: Actor) => Promise<unknown>>,
  };
}

async function instanceState(orgId: string) {
  const [settings, disabled, subs, log] = await Promise.all([
    readInstanceSettings(),
    db().select({ id: t.users.id }).from(t.users).where(eq(t.users.id, t.users.id)),
    db().select().from(t.subscriptions).where(eq(t.subscriptions.orgId, orgId)),
    db().select({ id: t.activity.id }).from(t.activity).where(isNull(t.activity.orgId)),
  ]);
  const disabledIds = (await db().select({ id: t.users.id, d: t.users.disabledAt }).from(t.users)).filter((u) => u.d).map((u) => u.id);
  return { settings, users: disabled.length, disabledIds: disabledIds.sort(), subs, log: log.length };
}

describe("/admin use cases: authorization for every kind of caller", () => {
  beforeEach(resetInstanceSettings);

  it("refuses anonymous callers (sign in), and plain users, org admins, service accounts and a disabled instance admin (not found), changing nothing", async () => {
    const admin = await createInstanceAdmin();
    const plain = await createTestUser("Plain");
    const { org: ownOrg, admin: orgAdmin } = await createTestOrg("Own");
    const { org, cases } = await everyUseCase();
    const callers: Array<[string, Actor, string]> = [
      ["anonymous", { kind: "anonymous", ip: "203.0.113.9" }, "unauthenticated"],
      ["plain user", plain, "not_found"],
      ["org admin", orgAdmin, "not_found"],
      ["service account", serviceAccountOf(ownOrg), "not_found"],
    ];
    // A disabled instance admin: the role goes with the account.
    const formerAdmin = await createTestUser("Former");
    await withInstanceAdminsEnv(formerAdmin.label, async () => {
      expect(await isInstanceAdmin(formerAdmin.userId)).toBe(true);
      await disable(formerAdmin.userId);
      expect(await isInstanceAdmin(formerAdmin.userId)).toBe(false);
    });
    const before = await instanceState(org.id);
    for (const [who, actor, code] of callers) {
      for (const [name, run] of Object.entries(cases)) {
        const err = await rejectionOf(run(actor));
        expect(err, `${who} -> ${name}`).toBeInstanceOf(AppError);
        expect((err as AppError).code, `${who} -> ${name}`).toBe(code);
      }
    }
    await withInstanceAdminsEnv(formerAdmin.label, async () => {
      for (const [name, run] of Object.entries(cases)) {
        expect(((await rejectionOf(run(formerAdmin))) as AppError).code, `disabled admin -> ${name}`).toBe("not_found");
      }
    });
    expect(await instanceState(org.id)).toEqual(before);

    // Positive control: the instance admin may do every one of them.
    for (const [name, run] of Object.entries(cases)) await expect(run(admin), name).resolves.toBeDefined();
    const after = await instanceState(org.id);
    expect(after.settings.signUpMode).toBe("invite_only");
    expect(after.subs).toHaveLength(1);
    expect(after.log).toBeGreaterThan(before.log);
  });

  it("an address in INSTANCE_ADMINS is an instance admin too; others are not", async () => {
    const listed = await createTestUser("Listed");
    const other = await createTestUser("Other");
    await withInstanceAdminsEnv(`someone@example.test, ${listed.label.toUpperCase()}`, async () => {
      expect(await isInstanceAdmin(listed.userId)).toBe(true);
      expect(await isInstanceAdmin(other.userId)).toBe(false);
      await expect(listInstanceUsers(listed, {})).resolves.toBeDefined();
    });
    expect(await isInstanceAdmin(listed.userId)).toBe(false);
  });

  it("an instance admin cannot disable their own account", async () => {
    const admin = await createInstanceAdmin();
    expect(((await rejectionOf(disableAccount(admin, admin.userId))) as AppError).reason).toBe("disable_self");
    expect(await isInstanceAdmin(admin.userId)).toBe(true);
  });
});

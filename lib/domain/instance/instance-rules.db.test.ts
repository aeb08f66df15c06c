import { randomBytes } from "node:crypto";
import { desc, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import type { AppError } from "@/lib/errors";
import { inviteMembers } from "@/lib/domain/invitations/invite-members";
import { addTestMember, createTestOrg } from "@/lib/domain/members/test-support";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { purchaseSubscription } from "@/lib/domain/subscriptions/purchase-subscription";
import { updateSubscription } from "@/lib/domain/subscriptions/update-subscription";
import { signUp } from "@/lib/domain/users/sign-up";
import { createTestUser, rejectionOf } from "@/test/factories";
import { useTestDatabase } from "@/test/db";
import { grantSubscription } from "./grant-subscription";
import { isInstanceAdmin } from "./instance-admin";
import { createInstanceAdmin, resetInstanceSettings, setInstanceSettings, strongPassword } from "./test-support";
import { updateInstanceSettings } from "./update-instance-settings";

useTestDatabase();

const reasonOf = async (p: Promise<unknown>) => ((await rejectionOf(p)) as AppError).reason;
const address = (domain = "example.test") => `person-${randomBytes(4).toString("hex")}@${domain}`;
const orgIdOf = () => `org-${randomBytes(3).toString("hex")}`;

describe("the first account becomes the instance admin", () => {
  it("of concurrent first sign-ups, exactly one becomes the admin (every round)", async () => {
    for (let round = 0; round < 4; round++) {
      await db().update(t.instanceSettings).set({ firstAdminUserId: null });
      const users = await Promise.all(
        Array.from({ length: 4 }, () => signUp({ name: "Racer", email: address(), password: strongPassword() })),
      );
      const admins = await Promise.all(users.map((u) => isInstanceAdmin(u.id)));
      expect(admins.filter(Boolean)).toHaveLength(1);
      const [row] = await db().select().from(t.instanceSettings);
      expect(users.map((u) => u.id)).toContain(row.firstAdminUserId);
      const claims = await db().select().from(t.activity).where(eq(t.activity.action, "instance.admin_claimed"));
      expect(claims.filter((c) => c.targetId === row.firstAdminUserId)).toHaveLength(1);
    }
  });

  it("later sign-ups are not admins, and the role is never handed on", async () => {
    const later = await signUp({ name: "Later", email: address(), password: strongPassword() });
    expect(await isInstanceAdmin(later.id)).toBe(false);
  });
});

describe("instance settings take effect", () => {
  beforeEach(resetInstanceSettings);

  it("Invite only: sign-up is refused, except for an address with a live invitation", async () => {
    const admin = await createInstanceAdmin();
    await updateInstanceSettings(admin, {
      signUpMode: "invite_only",
      allowedDomains: "",
      orgCreators: "anyone",
      selfServicePurchase: true,
    });
    const stranger = address();
    expect(await reasonOf(signUp({ name: "Stranger", email: stranger, password: strongPassword() }))).toBe("sign_up_closed");
    expect(await db().select().from(t.users).where(eq(t.users.email, stranger))).toEqual([]);

    const { org, admin: orgAdmin } = await createTestOrg("Inviting");
    const invitee = address();
    await inviteMembers(orgAdmin, org.slug, { emails: [invitee] });
    const user = await signUp({ name: "Invitee", email: invitee, password: strongPassword() });
    expect(user.email).toBe(invitee);
  });

  it("Allowed domains: only those domains (or an invitation) may sign up", async () => {
    const admin = await createInstanceAdmin();
    await updateInstanceSettings(admin, {
      signUpMode: "allowed_domains",
      allowedDomains: "Allowed.example, @second.example",
      orgCreators: "anyone",
      selfServicePurchase: true,
    });
    await expect(signUp({ name: "In", email: address("allowed.example"), password: strongPassword() })).resolves.toBeDefined();
    await expect(signUp({ name: "In 2", email: address("second.example"), password: strongPassword() })).resolves.toBeDefined();
    expect(await reasonOf(signUp({ name: "Out", email: address("sub.allowed.example"), password: strongPassword() }))).toBe(
      "sign_up_closed",
    );
    expect(await reasonOf(signUp({ name: "Out", email: address("elsewhere.example"), password: strongPassword() }))).toBe("sign_up_closed");
    // A domain list is needed in that mode.
    const err = (await rejectionOf(
      updateInstanceSettings(admin, {
        signUpMode: "allowed_domains",
        allowedDomains: "",
        orgCreators: "anyone",
        selfServicePurchase: true,
      }),
    )) as AppError;
    expect(err.fields?.allowedDomains).toMatch(/at least one domain/);
  });

  it("Open: anyone may sign up", async () => {
    await expect(signUp({ name: "Open", email: address("anywhere.example"), password: strongPassword() })).resolves.toBeDefined();
  });

  it("Who can create organizations = Instance admins: others are refused, the instance admin is not", async () => {
    const admin = await createInstanceAdmin();
    await setInstanceSettings({ orgCreators: "instance_admins" });
    const plain = await createTestUser("Plain");
    const slug = orgIdOf();
    expect(await reasonOf(createOrganization(plain, { name: "Nope", orgId: slug }))).toBe("org_creation_restricted");
    expect(await db().select().from(t.organizations).where(eq(t.organizations.slug, slug))).toEqual([]);
    await expect(createOrganization(admin, { name: "Yes", orgId: orgIdOf() })).resolves.toBeDefined();
    await setInstanceSettings({ orgCreators: "anyone" });
    await expect(createOrganization(plain, { name: "Now", orgId: orgIdOf() })).resolves.toBeDefined();
  });

  it("Self-service purchase off: billing managers and org admins cannot buy or change; the instance admin grants and changes", async () => {
    const admin = await createInstanceAdmin();
    const { org, admin: orgAdmin } = await createTestOrg("Billing");
    const billing = await addTestMember(org, "billing_manager");
    await setInstanceSettings({ selfServicePurchase: false });
    for (const actor of [orgAdmin, billing]) {
      expect(await reasonOf(purchaseSubscription(actor, org.slug, { seats: 3, billingCycle: "monthly" }))).toBe("self_service_off");
    }
    expect(await db().select().from(t.subscriptions).where(eq(t.subscriptions.orgId, org.id))).toEqual([]);

    const periodEnd = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const granted = await grantSubscription(admin, org.slug, { seats: 3, billingCycle: "yearly", periodEnd });
    expect(granted.granted).toBe(true);
    expect(granted.subscription.currentPeriodEnd.toISOString()).toBe(`${periodEnd}T23:59:59.999Z`);
    expect(await reasonOf(updateSubscription(billing, org.slug, { seats: 9, billingCycle: "yearly" }))).toBe("self_service_off");

    const changed = await grantSubscription(admin, org.slug, { seats: 9, billingCycle: "monthly", periodEnd });
    expect(changed.granted).toBe(false);
    const [sub] = await db().select().from(t.subscriptions).where(eq(t.subscriptions.orgId, org.id));
    expect({ seats: sub.seats, cycle: sub.billingCycle, status: sub.status }).toEqual({ seats: 9, cycle: "monthly", status: "active" });

    // Recorded in the org's log and in the instance's, and in the ledger.
    const entries = await db().select().from(t.activity).where(eq(t.activity.targetId, org.id));
    expect(
      entries
        .filter((e) => e.action.startsWith("subscription."))
        .map((e) => `${e.orgId ? "org" : "instance"}:${e.action}`)
        .sort(),
    ).toEqual(["instance:subscription.changed", "instance:subscription.granted", "org:subscription.changed", "org:subscription.granted"]);
    const ledger = await db().select().from(t.subscriptionLedger).where(eq(t.subscriptionLedger.orgId, org.id));
    expect(ledger.map((l) => l.kind)).toEqual(["granted", "admin_changed"]);

    // Turned back on, billing managers manage it themselves again.
    await setInstanceSettings({ selfServicePurchase: true });
    await expect(updateSubscription(billing, org.slug, { seats: 10, billingCycle: "monthly" })).resolves.toBeDefined();
  });

  it("Change Subscription never goes below the assigned seats, and a period end in the past is refused", async () => {
    const admin = await createInstanceAdmin();
    const { org } = await createTestOrg("Seated");
    const periodEnd = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await grantSubscription(admin, org.slug, { seats: 2, billingCycle: "monthly", periodEnd });
    const a = await addTestMember(org);
    const b = await addTestMember(org);
    await db().update(t.memberships).set({ seatAssignedAt: new Date() }).where(eq(t.memberships.orgId, org.id));
    void a;
    void b;
    expect(await reasonOf(grantSubscription(admin, org.slug, { seats: 1, billingCycle: "monthly", periodEnd }))).toBe(
      "seats_below_assigned",
    );
    const past = (await rejectionOf(
      grantSubscription(admin, org.slug, { seats: 5, billingCycle: "monthly", periodEnd: "2020-01-01" }),
    )) as AppError;
    expect(past.fields?.periodEnd).toBe("Choose a day in the future.");
  });

  it("every settings change is recorded in the instance log with what changed; saving the same values records nothing", async () => {
    const admin = await createInstanceAdmin();
    const count = async () =>
      (await db().select().from(t.activity).where(isNull(t.activity.orgId))).filter((e) => e.action === "instance.settings_changed").length;
    const before = await count();
    const input = { signUpMode: "open", allowedDomains: "", orgCreators: "instance_admins", selfServicePurchase: false } as const;
    expect((await updateInstanceSettings(admin, input)).changed).toBe(true);
    expect((await updateInstanceSettings(admin, input)).changed).toBe(false);
    expect(await count()).toBe(before + 1);
    const [entry] = await db()
      .select()
      .from(t.activity)
      .where(eq(t.activity.action, "instance.settings_changed"))
      .orderBy(desc(t.activity.id));
    expect(entry.metadata).toMatchObject({ changes: { orgCreators: { from: "anyone", to: "instance_admins" } } });
  });
});

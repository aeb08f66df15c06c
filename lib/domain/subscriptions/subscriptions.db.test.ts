import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { addManyMembers, addTestMember, createTestOrg, orgState } from "../members/test-support";
import { assignSeats } from "../seats/assign-seats";
import { getSubscriptionOverview } from "./get-subscription";
import { purchaseSubscription } from "./purchase-subscription";
import { renewDueSubscriptions, renewSubscription } from "./renew-subscription";
import { updateSubscription } from "./update-subscription";

useTestDatabase();

const jan15 = new Date("2026-01-15T12:00:00Z");

const mailsTo = (to: string) =>
  db()
    .select()
    .from(t.emailOutbox)
    .where(and(eq(t.emailOutbox.to, to), eq(t.emailOutbox.template, "subscription-changed")));

describe("subscription", () => {
  it("purchase: seats, cycle, a period of one month or one year, a ledger entry, activity, billing managers emailed", async () => {
    const { org, admin } = await createTestOrg("Buy");
    const billing = await addTestMember(org, "billing_manager");
    const { subscription } = await purchaseSubscription(admin, org.slug, { seats: 3, billingCycle: "monthly" }, { now: jan15 });
    expect(subscription).toMatchObject({
      seats: 3,
      billingCycle: "monthly",
      status: "active",
      currentPeriodEnd: new Date("2026-02-15T12:00:00Z"),
    });

    const overview = await getSubscriptionOverview(billing, org.slug);
    expect(overview.seats).toEqual({ total: 3, assigned: 0, reserved: 0, available: 3 });
    expect(overview.ledger).toEqual([
      expect.objectContaining({ kind: "purchase", seats: 3, billingCycle: "monthly", actorLabel: admin.label }),
    ]);
    const [mail] = await mailsTo(billing.label);
    expect(mail.text).toMatch(/Subscription purchased: 3 seats, Monthly/);
    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "subscription.purchased")));
    expect(events).toHaveLength(1);

    const other = await createTestOrg("BuyYearly");
    const yearly = await purchaseSubscription(other.admin, other.org.slug, { seats: 10, billingCycle: "yearly" }, { now: jan15 });
    expect(yearly.subscription.currentPeriodEnd).toEqual(new Date("2027-01-15T12:00:00Z"));
  });

  it("a second purchase is refused: use Manage Subscription", async () => {
    const { org, admin } = await createTestOrg("Twice");
    await purchaseSubscription(admin, org.slug, { seats: 3, billingCycle: "monthly" });
    const before = await orgState(org);
    expect(await rejectionOf(purchaseSubscription(admin, org.slug, { seats: 5, billingCycle: "yearly" }))).toMatchObject({
      code: "conflict",
      reason: "already_subscribed",
    });
    expect(await orgState(org)).toEqual(before);
  });

  it("concurrent purchases: exactly one subscription", async () => {
    const { org, admin } = await createTestOrg("Race");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => purchaseSubscription(admin, org.slug, { seats: 2, billingCycle: "monthly" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await orgState(org)).subs).toHaveLength(1);
  });

  it("seats: whole numbers from 1 to 100,000", async () => {
    const { org, admin } = await createTestOrg("Bounds");
    for (const seats of [0, -1, 1.5, 100_001, Number.NaN, "3" as unknown as number]) {
      const err = await rejectionOf(purchaseSubscription(admin, org.slug, { seats, billingCycle: "monthly" }));
      expect(err, String(seats)).toMatchObject({ code: "validation", fields: { seats: expect.stringMatching(/whole number/) } });
    }
    expect(await rejectionOf(purchaseSubscription(admin, org.slug, { seats: 3, billingCycle: "weekly" as never }))).toMatchObject({
      fields: { billingCycle: "Choose Monthly or Yearly." },
    });
    expect((await orgState(org)).subs).toEqual([]);
    await purchaseSubscription(admin, org.slug, { seats: 100_000, billingCycle: "yearly" });
    await updateSubscription(admin, org.slug, { seats: 1, billingCycle: "yearly" });
  });

  it("manage: add seats any time; reduce, but never below the number assigned", async () => {
    const { org, admin } = await createTestOrg("Manage");
    const billing = await addTestMember(org, "billing_manager");
    await purchaseSubscription(admin, org.slug, { seats: 3, billingCycle: "monthly" }, { now: jan15 });
    const ids = await addManyMembers(org, 3);
    await assignSeats(admin, org.slug, { userIds: ids });

    const raised = await updateSubscription(billing, org.slug, { seats: 5, billingCycle: "monthly" }, { now: jan15 });
    expect(raised).toMatchObject({ changed: true, message: "Seats changed from 3 to 5." });
    expect(raised.subscription.currentPeriodEnd).toEqual(new Date("2026-02-15T12:00:00Z"));

    const before = await orgState(org);
    const err = await rejectionOf(updateSubscription(billing, org.slug, { seats: 2, billingCycle: "monthly" }));
    expect(err).toMatchObject({
      code: "conflict",
      reason: "seats_below_assigned",
      fields: { seats: expect.stringMatching(/^3 seats are assigned/) },
    });
    expect(await orgState(org)).toEqual(before);
    await updateSubscription(billing, org.slug, { seats: 3, billingCycle: "monthly" });

    const unchanged = await updateSubscription(billing, org.slug, { seats: 3, billingCycle: "monthly" });
    expect(unchanged.changed).toBe(false);
    const ledger = (await getSubscriptionOverview(admin, org.slug)).ledger.map((l) => [l.kind, l.seats]);
    expect(ledger).toEqual([
      ["seats_changed", 3],
      ["seats_changed", 5],
      ["purchase", 3],
    ]);
    expect(await mailsTo(billing.label)).toHaveLength(3);
  });

  it("switching the billing cycle starts a new period from now", async () => {
    const { org, admin } = await createTestOrg("Cycle");
    await purchaseSubscription(admin, org.slug, { seats: 3, billingCycle: "monthly" }, { now: jan15 });
    const mar1 = new Date("2026-03-01T00:00:00Z");
    const r = await updateSubscription(admin, org.slug, { seats: 4, billingCycle: "yearly" }, { now: mar1 });
    expect(r.subscription).toMatchObject({
      billingCycle: "yearly",
      seats: 4,
      currentPeriodStart: mar1,
      currentPeriodEnd: new Date("2027-03-01T00:00:00Z"),
    });
    const kinds = (await getSubscriptionOverview(admin, org.slug)).ledger.map((l) => l.kind);
    expect(kinds).toEqual(["cycle_changed", "seats_changed", "purchase"]);
  });

  it("renewal moves the period forward from its end, or from now once it has passed", async () => {
    const { org, admin } = await createTestOrg("Renew");
    const billing = await addTestMember(org, "billing_manager");
    await purchaseSubscription(admin, org.slug, { seats: 3, billingCycle: "monthly" }, { now: jan15 });
    const early = await renewSubscription(billing, org.slug, { now: new Date("2026-02-01T00:00:00Z") });
    expect(early.subscription).toMatchObject({
      currentPeriodStart: new Date("2026-02-15T12:00:00Z"),
      currentPeriodEnd: new Date("2026-03-15T12:00:00Z"),
    });
    const late = await renewSubscription(admin, org.slug, { now: new Date("2026-05-01T00:00:00Z") });
    expect(late.subscription.currentPeriodEnd).toEqual(new Date("2026-06-01T00:00:00Z"));
    const kinds = (await getSubscriptionOverview(admin, org.slug)).ledger.map((l) => l.kind);
    expect(kinds).toEqual(["renewal", "renewal", "purchase"]);
    expect(await mailsTo(billing.label)).toHaveLength(3);
  });

  it("the scheduled renewal renews only subscriptions whose period has ended, once", async () => {
    const { org, admin } = await createTestOrg("Due");
    await purchaseSubscription(admin, org.slug, { seats: 3, billingCycle: "monthly" }, { now: jan15 });
    const notDue = await createTestOrg("NotDue");
    await purchaseSubscription(notDue.admin, notDue.org.slug, { seats: 3, billingCycle: "yearly" }, { now: jan15 });
    const now = new Date("2026-02-20T00:00:00Z");
    await Promise.all([renewDueSubscriptions({ now }), renewDueSubscriptions({ now })]);
    const overview = await getSubscriptionOverview(admin, org.slug);
    expect(overview.subscription?.currentPeriodEnd).toEqual(new Date("2026-03-20T00:00:00Z"));
    expect(overview.ledger.map((l) => l.kind)).toEqual(["renewal", "purchase"]);
    const untouched = await getSubscriptionOverview(notDue.admin, notDue.org.slug);
    expect(untouched.ledger.map((l) => l.kind)).toEqual(["purchase"]);
  });

  it("managing or renewing without a subscription says to purchase one", async () => {
    const { org, admin } = await createTestOrg("None");
    expect(await rejectionOf(updateSubscription(admin, org.slug, { seats: 3, billingCycle: "monthly" }))).toMatchObject({
      reason: "no_subscription",
    });
    expect(await rejectionOf(renewSubscription(admin, org.slug))).toMatchObject({ reason: "no_subscription" });
  });
});

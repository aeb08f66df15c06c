import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import {
  addManyMembers,
  addTestMember,
  assignedSeats,
  createTestOrg,
  giveSubscription,
  giveToken,
  liveTokens,
  membership,
  orgState,
} from "../members/test-support";
import { updateSubscription } from "../subscriptions/update-subscription";
import { assignSeat, assignSeats } from "./assign-seats";
import { revokeSeat, revokeSeats } from "./revoke-seats";

const testDb = useTestDatabase();

describe("assigning seats", () => {
  it("seats a member, records it, and emails them to issue their token on Token Access", async () => {
    const { org, admin } = await createTestOrg("Seats");
    await giveSubscription(org, 2);
    const dana = await addTestMember(org, "member", "Dana");
    const result = await assignSeat(admin, org.slug, { userId: dana.userId });
    expect(result).toMatchObject({ outcome: "assigned", seats: { total: 2, assigned: 1, available: 1 } });
    expect((await membership(org, dana.userId))?.seatAssignedAt).toBeInstanceOf(Date);

    const [mail] = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, dana.label));
    expect(mail).toMatchObject({ template: "seat-assigned", subject: `You have a seat in ${org.name}` });
    expect(mail.text).toContain("Token Access");
    expect(mail.text).toContain(`/organizations/${org.slug}/token-access`);
    const [event] = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "seat.assigned")));
    expect(event).toMatchObject({ targetId: dana.userId, actorId: admin.userId });
  });

  it("an admin can take a seat too, but does not need one", async () => {
    const { org, admin } = await createTestOrg("AdminSeat");
    await giveSubscription(org, 1);
    await assignSeat(admin, org.slug, { userId: admin.userId });
    expect(await assignedSeats(org)).toBe(1);
  });

  it("without a subscription, or with no seat left, says so and points to Subscription", async () => {
    const { org, admin } = await createTestOrg("Full");
    const a = await addTestMember(org);
    const b = await addTestMember(org);
    expect(await rejectionOf(assignSeat(admin, org.slug, { userId: a.userId }))).toMatchObject({
      code: "conflict",
      reason: "no_subscription",
      message: expect.stringMatching(/Subscription page/),
    });
    await giveSubscription(org, 1);
    await assignSeat(admin, org.slug, { userId: a.userId });
    const before = await orgState(org);
    expect(await rejectionOf(assignSeat(admin, org.slug, { userId: b.userId }))).toMatchObject({
      code: "conflict",
      reason: "no_seat_available",
      message: "No seat available: all 1 seats are assigned or reserved by invitations. Add seats on the Subscription page.",
    });
    expect(await orgState(org)).toEqual(before);
  });

  it("bulk: reports each user's outcome; the seats left go to the first users in order", async () => {
    const { org, admin } = await createTestOrg("Bulk");
    await giveSubscription(org, 3);
    const [seated, x, y, z] = await Promise.all([1, 2, 3, 4].map(() => addTestMember(org)));
    await assignSeat(admin, org.slug, { userId: seated.userId });
    const stranger = (await createTestOrg("Stranger")).admin;
    const report = await assignSeats(admin, org.slug, {
      userIds: [seated.userId, x.userId, stranger.userId, y.userId, z.userId, x.userId],
    });
    expect(report.results.map((r) => [r.userId, r.outcome])).toEqual([
      [seated.userId, "already_assigned"],
      [x.userId, "assigned"],
      [stranger.userId, "not_member"],
      [y.userId, "assigned"],
      [z.userId, "no_seat_available"],
    ]);
    expect(report.seats).toEqual({ total: 3, assigned: 3, reserved: 0, available: 0 });
    expect(await assignedSeats(org)).toBe(3);
  });

  it("bulk: 1,000 seats in one request", async () => {
    const { org, admin } = await createTestOrg("Thousand");
    await giveSubscription(org, 1000);
    const ids = await addManyMembers(org, 1000);
    const report = await assignSeats(admin, org.slug, { userIds: ids });
    expect(report.results.every((r) => r.outcome === "assigned")).toBe(true);
    expect(await assignedSeats(org)).toBe(1000);
    const mails = await db().select({ id: t.emailOutbox.id }).from(t.emailOutbox).where(eq(t.emailOutbox.template, "seat-assigned"));
    expect(mails.length).toBeGreaterThanOrEqual(1000);
  });
});

describe("revoking seats", () => {
  it("keeps the member and revokes their token at once", async () => {
    const { org, admin } = await createTestOrg("Revoke");
    await giveSubscription(org, 2);
    const eve = await addTestMember(org);
    await assignSeat(admin, org.slug, { userId: eve.userId });
    await giveToken(org, eve.userId);
    const result = await revokeSeat(admin, org.slug, { userId: eve.userId });
    expect(result).toMatchObject({ outcome: "revoked", seats: { total: 2, assigned: 0, available: 2 } });
    expect(await membership(org, eve.userId)).toMatchObject({ role: "member", seatAssignedAt: null });
    expect(await liveTokens(org, eve.userId)).toEqual([]);
    expect(await rejectionOf(revokeSeat(admin, org.slug, { userId: eve.userId }))).toMatchObject({ reason: "no_seat_to_revoke" });
  });

  it("bulk: reports each user; tokens of those without a seat are left alone", async () => {
    const { org, admin } = await createTestOrg("BulkRevoke");
    await giveSubscription(org, 5);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => addTestMember(org)));
    await assignSeats(admin, org.slug, { userIds: [a.userId, b.userId] });
    await giveToken(org, a.userId);
    await giveToken(org, admin.userId);
    const report = await revokeSeats(admin, org.slug, { userIds: [a.userId, c.userId, admin.userId] });
    expect(report.results.map((r) => r.outcome)).toEqual(["revoked", "had_no_seat", "had_no_seat"]);
    expect(report.seats).toEqual({ total: 5, assigned: 1, reserved: 0, available: 4 });
    expect(await liveTokens(org, a.userId)).toEqual([]);
    expect(await liveTokens(org, admin.userId)).toHaveLength(1);
    expect((await membership(org, b.userId))?.seatAssignedAt).not.toBeNull();
  });
});

/**
 * Samples, from another connection while a race runs, the subscription's seats and the seats
 * assigned, in one statement (one snapshot). Returns the worst excess seen (<= 0 is good).
 */
function watchSeats(orgId: string) {
  const watcher = testDb.openSecondHandle();
  let running = true;
  let worst = -Infinity;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      const rows = await watcher.db.execute<{ excess: number }>(sql`
        select (select count(*) from memberships where org_id = ${orgId} and seat_assigned_at is not null)::int
             - (select seats from subscriptions where org_id = ${orgId}) as excess`);
      const excess = Number((rows as unknown as { rows: Array<{ excess: number }> }).rows[0].excess);
      worst = Math.max(worst, excess);
      samples++;
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { worst, samples };
  };
}

describe("seats under concurrency", () => {
  it("200 parallel assignments against 50 seats: exactly 50 succeed, never over-assigned", async () => {
    const { org, admin } = await createTestOrg("Rush");
    await giveSubscription(org, 50);
    const ids = await addManyMembers(org, 200);
    const stop = watchSeats(org.id);
    const results = await Promise.allSettled(ids.map((userId) => assignSeat(admin, org.slug, { userId })));
    const watched = await stop();

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(150);
    for (const r of lost) {
      expect(r.reason).toMatchObject({
        code: "conflict",
        reason: "no_seat_available",
        message: expect.stringMatching(/No seat available/),
      });
    }
    expect(await assignedSeats(org)).toBe(50);
    expect(watched.worst).toBeLessThanOrEqual(0);
  });

  it("reducing seats while assignments run never goes below the number assigned", async () => {
    const { org, admin } = await createTestOrg("Shrink");
    await giveSubscription(org, 60);
    const ids = await addManyMembers(org, 60);
    const assigns = ids.map((userId) => () => assignSeat(admin, org.slug, { userId }));
    const shrinks = [55, 45, 35, 25, 15].map((seats) => () => updateSubscription(admin, org.slug, { seats, billingCycle: "monthly" }));
    // A reduction after every dozen assignments, all started at once.
    const jobs = assigns.flatMap((a, i) => (i % 12 === 11 && shrinks.length ? [a, shrinks.shift()!] : [a]));
    const stop = watchSeats(org.id);
    const results = await Promise.allSettled(jobs.map((job) => job()));
    const watched = await stop();

    for (const r of results) {
      if (r.status === "rejected") {
        expect(r.reason).toMatchObject({ code: "conflict" });
        expect(["no_seat_available", "seats_below_assigned"]).toContain(r.reason.reason);
      }
    }
    const [sub] = await db().select().from(t.subscriptions).where(eq(t.subscriptions.orgId, org.id));
    expect(await assignedSeats(org)).toBeLessThanOrEqual(sub.seats);
    expect(watched.worst).toBeLessThanOrEqual(0);

    // Both writes hold the subscription lock while recording activity, so activity ids follow
    // the order in which they happened: every accepted reduction was at or above the seats
    // assigned before it.
    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), inArray(t.activity.action, ["seat.assigned", "subscription.seats_changed"])))
      .orderBy(t.activity.id);
    let assignedSoFar = 0;
    for (const e of events) {
      if (e.action === "seat.assigned") assignedSoFar++;
      else expect((e.metadata as { to: number }).to).toBeGreaterThanOrEqual(assignedSoFar);
    }
    expect(events.some((e) => e.action === "subscription.seats_changed")).toBe(true);
  });
});

// Invitations with a role and a seat: a pending invitation with a seat reserves it, accepting
// turns the reservation into the member's seat, and assigned + reserved never passes the
// subscription's seats (checked under truly parallel requests on PostgreSQL).
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { addTestMember, giveSubscription, membership, serviceAccountOf } from "../members/test-support";
import { assignSeat } from "../seats/assign-seats";
import { getSeatUsage } from "../seats/seat-usage";
import { getSubscriptionOverview } from "../subscriptions/get-subscription";
import { updateSubscription } from "../subscriptions/update-subscription";
import { acceptInvitation } from "./accept-invitation";
import { inviteFromCsv, inviteMembers } from "./invite-members";
import { removeInvitations } from "./remove-invitations";
import { resendInvitations } from "./resend-invitations";
import { adminWithOrg, DAY, invitationsOf, latestInvitation, snapshot, uniqueAddress, userWithEmail } from "./test-helpers";

const testDb = useTestDatabase();
const usage = (orgId: string, now?: Date) => getSeatUsage(db(), orgId, now);
const csv = (text: string) => new TextEncoder().encode(text);

describe("invitations with a role and a seat", () => {
  it("an admin invites a Billing Manager with a seat in one step; the seat is reserved, and accepting gives both", async () => {
    const { admin, org } = await adminWithOrg();
    await giveSubscription(org, 2);
    const email = uniqueAddress("billing");
    const report = await inviteMembers(admin, org.slug, { emails: [email], role: "billing_manager", assignSeat: true });
    expect(report.entries).toEqual([{ email, outcome: "invited", role: "billing_manager" }]);
    expect(await usage(org.id)).toMatchObject({ total: 2, assigned: 0, reserved: 1, available: 1 });
    expect((await getSubscriptionOverview(admin, org.slug)).seats).toEqual({ total: 2, assigned: 0, reserved: 1, available: 1 });

    const { mail, token } = await latestInvitation(email);
    for (const part of [mail.text, mail.html]) expect(part).toContain("You will join as a Billing Manager, with a seat");

    const invitee = await userWithEmail(email);
    expect(await acceptInvitation(invitee, token)).toMatchObject({ joined: true, seat: true });
    const joined = await membership(org, invitee.userId);
    expect(joined?.role).toBe("billing_manager");
    expect(joined?.seatAssignedAt).toBeInstanceOf(Date);
    // The reservation became the assignment: nothing was freed or double-counted.
    expect(await usage(org.id)).toMatchObject({ assigned: 1, reserved: 0, available: 1 });
    const events = await db()
      .select({ action: t.activity.action, targetId: t.activity.targetId })
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), inArray(t.activity.action, ["invitation.accepted", "seat.assigned"])));
    expect(events.map((e) => e.action).sort()).toEqual(["invitation.accepted", "seat.assigned"]);
  });

  it("an invitation without a seat says so, and the person joins with its role and no seat", async () => {
    const { admin, org } = await adminWithOrg();
    const email = uniqueAddress("admin2");
    await inviteMembers(admin, org.slug, { emails: [email], role: "admin" });
    const { mail, token } = await latestInvitation(email);
    expect(mail.text).toContain("You will join as an Account Admin, without a seat");
    const invitee = await userWithEmail(email);
    await acceptInvitation(invitee, token);
    expect(await membership(org, invitee.userId)).toMatchObject({ role: "admin", seatAssignedAt: null });
  });

  it("inviting with a seat when none is free reports each such address and sends it nothing", async () => {
    const { admin, org } = await adminWithOrg();
    const [a, b, c] = [uniqueAddress(), uniqueAddress(), uniqueAddress()];
    // No subscription: there is no seat to reserve, and nothing is sent.
    const before = await snapshot(org.id);
    expect(await rejectionOf(inviteMembers(admin, org.slug, { emails: [a], assignSeat: true }))).toMatchObject({
      reason: "no_subscription",
    });
    expect(await snapshot(org.id)).toEqual(before);

    await giveSubscription(org, 2);
    const seated = await addTestMember(org);
    await assignSeat(admin, org.slug, { userId: seated.userId });
    const report = await inviteMembers(admin, org.slug, { emails: [a, b, c], assignSeat: true });
    expect(report.entries.map((e) => [e.email, e.outcome])).toEqual([
      [a, "invited"],
      [b, "no_seat_available"],
      [c, "no_seat_available"],
    ]);
    expect(report.counts).toMatchObject({ invited: 1, no_seat_available: 2 });
    expect((await invitationsOf(org.id)).map((i) => i.email)).toEqual([a]);
    const mails = await db()
      .select({ to: t.emailOutbox.to })
      .from(t.emailOutbox)
      .where(inArray(t.emailOutbox.to, [b, c]));
    expect(mails).toEqual([]);
    // The reserved seat is not free for the Users page either.
    const other = await addTestMember(org);
    expect(await rejectionOf(assignSeat(admin, org.slug, { userId: other.userId }))).toMatchObject({ reason: "no_seat_available" });
    // Without a seat, the same addresses are invited.
    const plain = await inviteMembers(admin, org.slug, { emails: [b, c] });
    expect(plain.counts.invited).toBe(2);
  });

  it("removing or expiring frees the reservation; resending an expired one reserves again only while a seat is free", async () => {
    const { admin, org } = await adminWithOrg();
    await giveSubscription(org, 1);
    const start = new Date();
    const [a, b, c] = [uniqueAddress("a"), uniqueAddress("b"), uniqueAddress("c")];
    await inviteMembers(admin, org.slug, { emails: [a], assignSeat: true }, { now: start });
    expect(await usage(org.id, start)).toMatchObject({ reserved: 1, available: 0 });
    const [ia] = await invitationsOf(org.id);
    await removeInvitations(admin, org.slug, { ids: [ia.id] });
    expect(await usage(org.id, start)).toMatchObject({ reserved: 0, available: 1 });

    await inviteMembers(admin, org.slug, { emails: [b], assignSeat: true }, { now: start });
    const later = new Date(start.getTime() + 8 * DAY);
    // Expired: the seat is free again, with nothing to run.
    expect(await usage(org.id, later)).toMatchObject({ reserved: 0, available: 1 });
    const [ib] = (await invitationsOf(org.id)).filter((i) => i.email === b);

    // Resent while the seat is free: it holds the seat again.
    const again = await resendInvitations(admin, org.slug, { ids: [ib.id] }, { now: later });
    expect(again).toMatchObject({ resent: 1, withoutSeat: [] });
    expect(await usage(org.id, later)).toMatchObject({ reserved: 1, available: 0 });

    // Expired again, and meanwhile the seat went to someone else: resent without a seat.
    const muchLater = new Date(later.getTime() + 8 * DAY);
    expect((await inviteMembers(admin, org.slug, { emails: [c], assignSeat: true }, { now: muchLater })).counts.invited).toBe(1);
    const lost = await resendInvitations(admin, org.slug, { ids: [ib.id] }, { now: muchLater });
    expect(lost).toMatchObject({ resent: 1, withoutSeat: [b] });
    const [ib2] = (await invitationsOf(org.id)).filter((i) => i.email === b);
    expect(ib2.withSeat).toBe(false);
    expect((await latestInvitation(b)).mail.text).toContain("without a seat");
    expect(await usage(org.id, muchLater)).toMatchObject({ reserved: 1, available: 0 });
  });

  it("seats cannot be reduced below assigned + reserved", async () => {
    const { admin, org } = await adminWithOrg();
    await giveSubscription(org, 3);
    const m = await addTestMember(org);
    await assignSeat(admin, org.slug, { userId: m.userId });
    await inviteMembers(admin, org.slug, { emails: [uniqueAddress()], assignSeat: true });
    const refused = await rejectionOf(updateSubscription(admin, org.slug, { seats: 1, billingCycle: "monthly" }));
    expect(refused).toMatchObject({ reason: "seats_below_assigned", message: expect.stringMatching(/1 reserved by pending invitations/) });
    await updateSubscription(admin, org.slug, { seats: 2, billingCycle: "monthly" });
    expect(await usage(org.id)).toMatchObject({ total: 2, assigned: 1, reserved: 1, available: 0 });
  });

  it("a CSV role column gives each row its role; anything else is reported invalid with its row number (the header is row 1)", async () => {
    const { admin, org } = await adminWithOrg();
    const [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map((p) => uniqueAddress(p));
    const file = csv(`Email,Role\r\n${a},member\r\n${b},Billing_Manager\r\n${c},admin\r\n${d},manager\r\n${e},\r\n`);
    const report = await inviteFromCsv(admin, org.slug, file, { options: { role: "billing_manager" } });
    expect(report.entries).toEqual([
      { email: a, outcome: "invited", role: "member", rows: [2] },
      { email: b, outcome: "invited", role: "billing_manager", rows: [3] },
      { email: c, outcome: "invited", role: "admin", rows: [4] },
      { email: d, outcome: "invalid", reason: 'Row 5: role "manager" is not one of member, billing_manager, admin', rows: [5] },
      { email: e, outcome: "invited", role: "billing_manager", rows: [6] },
    ]);
    const roles = Object.fromEntries((await invitationsOf(org.id)).map((i) => [i.email, i.role]));
    expect(roles).toEqual({ [a]: "member", [b]: "billing_manager", [c]: "admin", [e]: "billing_manager" });
  });
});

describe("who may invite with which role", () => {
  it("Account Admins may invite Account Admins; a service account may not (nothing is sent), but may invite others with a seat", async () => {
    const { admin, org } = await adminWithOrg();
    await giveSubscription(org, 5);
    const bot = serviceAccountOf(org);
    const before = await snapshot(org.id);
    for (const call of [
      () => inviteMembers(bot, org.slug, { emails: [uniqueAddress()], role: "admin" }),
      () => inviteFromCsv(bot, org.slug, csv(`email,role\n${uniqueAddress()},member\n${uniqueAddress()},admin\n`)),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({ code: "forbidden", message: expect.stringMatching(/Only Account Admins/) });
    }
    expect(await snapshot(org.id)).toEqual(before);
    // Positive controls.
    expect(
      (await inviteMembers(bot, org.slug, { emails: [uniqueAddress()], role: "billing_manager", assignSeat: true })).counts.invited,
    ).toBe(1);
    expect((await inviteMembers(admin, org.slug, { emails: [uniqueAddress()], role: "admin", assignSeat: true })).counts.invited).toBe(1);
  });

  it("Billing Managers, Members and outsiders cannot invite at all, with or without a seat", async () => {
    const { org } = await adminWithOrg();
    await giveSubscription(org, 5);
    const billing = await addTestMember(org, "billing_manager");
    const member = await addTestMember(org, "member");
    const outsider = (await adminWithOrg("Outsider")).admin;
    const before = await snapshot(org.id);
    for (const [actor, code] of [
      [billing, "forbidden"],
      [member, "forbidden"],
      [outsider, "not_found"],
    ] as const) {
      for (const role of ["member", "admin"] as const) {
        const input = { emails: [uniqueAddress()], role, assignSeat: true };
        expect(await rejectionOf(inviteMembers(actor, org.slug, input))).toMatchObject({ code });
      }
    }
    expect(await snapshot(org.id)).toEqual(before);
  });
});

/** Samples assigned + reserved - seats from another connection while the test runs. */
function watchHeldSeats(orgId: string) {
  const watcher = testDb.openSecondHandle();
  let running = true;
  let worst = -Infinity;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      const rows = await watcher.db.execute<{ excess: number }>(sql`
        select ((select count(*) from memberships where org_id = ${orgId} and seat_assigned_at is not null)
              + (select count(*) from invitations where org_id = ${orgId} and status = 'pending' and with_seat and expires_at > now())
              - (select seats from subscriptions where org_id = ${orgId}))::int as excess`);
      worst = Math.max(worst, Number((rows as unknown as { rows: Array<{ excess: number }> }).rows[0].excess));
      samples++;
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { worst, samples };
  };
}

describe("seat reservations under concurrency", () => {
  it("parallel invites, accepts, removals, assignments and seat reductions never hold more seats than the subscription", async () => {
    const { admin, org } = await adminWithOrg();
    await giveSubscription(org, 16);
    // Six invitations with seats, about to be accepted; and four members waiting for a seat.
    const accepting = Array.from({ length: 6 }, () => uniqueAddress("accept"));
    await inviteMembers(admin, org.slug, { emails: accepting, assignSeat: true });
    const tokens = await Promise.all(
      accepting.map(async (email) => ({ user: await userWithEmail(email), token: (await latestInvitation(email)).token })),
    );
    const waiting = await Promise.all(Array.from({ length: 4 }, () => addTestMember(org)));
    const removable = (await invitationsOf(org.id)).slice(0, 2).map((i) => i.id);

    const stop = watchHeldSeats(org.id);
    const jobs: Array<() => Promise<unknown>> = [
      ...Array.from({ length: 14 }, () => () => inviteMembers(admin, org.slug, { emails: [uniqueAddress("rush")], assignSeat: true })),
      ...tokens.map(
        ({ user, token }) =>
          () =>
            acceptInvitation(user, token),
      ),
      ...waiting.map((m) => () => assignSeat(admin, org.slug, { userId: m.userId })),
      () => removeInvitations(admin, org.slug, { ids: removable }),
      ...[14, 12, 10].map((seats) => () => updateSubscription(admin, org.slug, { seats, billingCycle: "monthly" })),
    ];
    // Interleaved, all started at once.
    const order = jobs.map((job, i) => ({ job, key: (i * 7919) % jobs.length })).sort((x, y) => x.key - y.key);
    const results = await Promise.allSettled(order.map(({ job }) => job()));
    const watched = await stop();

    for (const r of results) {
      if (r.status === "rejected")
        expect(r.reason).toMatchObject({ reason: expect.stringMatching(/^(no_seat_available|seats_below_assigned|invitation_removed)$/) });
    }
    const final = await usage(org.id);
    expect(final.assigned + final.reserved).toBeLessThanOrEqual(final.total);
    expect(watched.worst).toBeLessThanOrEqual(0);
    expect(watched.samples).toBeGreaterThan(0);
    // Every accept that found its invitation still pending got its seat (removals may have won).
    for (const { user } of tokens) {
      const m = await membership(org, user.userId);
      if (m) expect(m.seatAssignedAt).toBeInstanceOf(Date);
    }
  });
});

import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { db, t } from "@/db";
import SeatAssignedEmail, { seatAssignedSubject } from "@/emails/seat-assigned";
import type { Actor } from "@/lib/authz/actor";
import { appUrl } from "@/lib/config";
import { enqueueEmails } from "@/lib/email/outbox";
import { notFound } from "@/lib/errors";
import { renderEmail } from "@/lib/email/render";
import { bulkUsersSchema, memberTargetSchema, type BulkUsersInput } from "@/lib/validation/members";
import { parseInput } from "@/lib/validation/parse";
import { recordActivities } from "../activity/record-activity";
import { memberLabel } from "../members/lock-org";
import { loadOrgAccess } from "../organizations/org-access";
import { countHeldSeats, lockSubscription, noSeatError, noSubscriptionError } from "./seat-usage";

/** `sendEmail: false` skips the "you have a seat" message (the API's send_seat_assigned_email). */
export type SeatOptions = { sendEmail?: boolean };

export type AssignOutcome = "assigned" | "already_assigned" | "no_seat_available" | "not_member";
export type SeatResult<O extends string> = { userId: string; label: string | null; outcome: O };
export type BulkSeatReport<O extends string> = {
  results: SeatResult<O>[];
  seats: { total: number; assigned: number; reserved: number; available: number };
};

/**
 * Gives seats to members, reporting each user's outcome. The subscription row is locked first
 * and assigned seats are counted under that lock, so the seats handed out never exceed the
 * subscription's, however many requests race. When fewer seats are left than asked for, the
 * first users (in the order given) get them and the rest are reported "no_seat_available".
 */
export async function assignSeats(
  actor: Actor,
  orgSlug: string,
  input: BulkUsersInput,
  { sendEmail = true }: SeatOptions = {},
): Promise<BulkSeatReport<AssignOutcome>> {
  const { userIds } = parseInput(bulkUsersSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "members.manage", tx);
    const sub = await lockSubscription(tx, org.id);
    if (!sub) throw noSubscriptionError();
    // Seats reserved by pending invitations are not free: the invited people are promised them.
    const { assigned: assignedBefore, reserved } = await countHeldSeats(tx, org.id);
    let available = Math.max(0, sub.seats - assignedBefore - reserved);

    const members = await tx
      .select({ userId: t.memberships.userId, seatAssignedAt: t.memberships.seatAssignedAt, name: t.users.name, email: t.users.email })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      // A member deactivated by the org's identity provider (Directory Sync) gets no seat.
      .leftJoin(t.scimMembers, and(eq(t.scimMembers.orgId, t.memberships.orgId), eq(t.scimMembers.userId, t.memberships.userId)))
      .where(
        and(
          eq(t.memberships.orgId, org.id),
          inArray(t.memberships.userId, userIds),
          or(isNull(t.scimMembers.active), eq(t.scimMembers.active, true)),
        ),
      );
    const byId = new Map(members.map((m) => [m.userId, m]));

    const results: SeatResult<AssignOutcome>[] = [];
    const toAssign: string[] = [];
    for (const userId of userIds) {
      const m = byId.get(userId);
      if (!m) results.push({ userId, label: null, outcome: "not_member" });
      else if (m.seatAssignedAt) results.push({ userId, label: memberLabel(m), outcome: "already_assigned" });
      else if (available > 0) {
        available--;
        toAssign.push(userId);
        results.push({ userId, label: memberLabel(m), outcome: "assigned" });
      } else results.push({ userId, label: memberLabel(m), outcome: "no_seat_available" });
    }

    // A member removed since we read them simply is not updated: report them as not a member.
    const updated = toAssign.length
      ? await tx
          .update(t.memberships)
          .set({ seatAssignedAt: new Date() })
          .where(and(eq(t.memberships.orgId, org.id), inArray(t.memberships.userId, toAssign), isNull(t.memberships.seatAssignedAt)))
          .returning({ userId: t.memberships.userId })
      : [];
    const done = new Set(updated.map((u) => u.userId));
    for (const r of results) if (r.outcome === "assigned" && !done.has(r.userId)) r.outcome = "not_member";

    const seated = [...done].map((id) => byId.get(id)!);
    await recordActivities(
      tx,
      actor,
      seated.map((m) => ({ orgId: org.id, action: "seat.assigned", target: { type: "user", id: m.userId, label: memberLabel(m) } })),
    );
    const recipients = sendEmail ? seated.filter((m) => m.email) : [];
    if (recipients.length) {
      // One rendering for the whole batch: the message is the same for every recipient.
      const mail = await renderEmail(
        "seat-assigned",
        seatAssignedSubject(org.name),
        SeatAssignedEmail({ orgName: org.name, tokenAccessUrl: `${appUrl()}/organizations/${org.slug}/token-access` }),
      );
      await enqueueEmails(tx, { message: mail, recipients: recipients.map((m) => ({ to: m.email! })) });
    }
    const assigned = assignedBefore + done.size;
    return { results, seats: { total: sub.seats, assigned, reserved, available: Math.max(0, sub.seats - assigned - reserved) } };
  });
}

/** The single-row action: assigns one seat or says plainly why not. */
export async function assignSeat(actor: Actor, orgSlug: string, input: { userId: string }, options: SeatOptions = {}) {
  const { userId } = parseInput(memberTargetSchema, input);
  const report = await assignSeats(actor, orgSlug, { userIds: [userId] }, options);
  const [result] = report.results;
  if (result.outcome === "no_seat_available") throw noSeatError(report.seats.total);
  if (result.outcome === "not_member") throw notFound("This person is not a member of this organization.");
  return { ...result, seats: report.seats };
}

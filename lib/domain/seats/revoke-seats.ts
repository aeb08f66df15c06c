import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, notFound } from "@/lib/errors";
import { bulkUsersSchema, memberTargetSchema, type BulkUsersInput } from "@/lib/validation/members";
import { parseInput } from "@/lib/validation/parse";
import { recordActivities } from "../activity/record-activity";
import { memberLabel } from "../members/lock-org";
import { loadOrgAccess } from "../organizations/org-access";
import type { BulkSeatReport, SeatResult } from "./assign-seats";
import { revokeSeatsAndTokens } from "./revoke-access";
import { getSeatUsage } from "./seat-usage";

export type RevokeOutcome = "revoked" | "had_no_seat" | "not_member";

/**
 * Takes seats back; the people stay members, and their tokens are revoked in the same
 * transaction, so they stop working the moment this commits. Reports each user's outcome.
 */
export async function revokeSeats(actor: Actor, orgSlug: string, input: BulkUsersInput): Promise<BulkSeatReport<RevokeOutcome>> {
  const { userIds } = parseInput(bulkUsersSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "members.manage", tx);
    const members = await tx
      .select({ userId: t.memberships.userId, name: t.users.name, email: t.users.email })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .where(and(eq(t.memberships.orgId, org.id), inArray(t.memberships.userId, userIds)));
    const byId = new Map(members.map((m) => [m.userId, m]));
    const revoked = new Set(await revokeSeatsAndTokens(tx, org.id, [...byId.keys()], { tokensOf: "seated" }));

    const results: SeatResult<RevokeOutcome>[] = userIds.map((userId) => {
      const m = byId.get(userId);
      if (!m) return { userId, label: null, outcome: "not_member" };
      return { userId, label: memberLabel(m), outcome: revoked.has(userId) ? "revoked" : "had_no_seat" };
    });
    await recordActivities(
      tx,
      actor,
      [...revoked].map((id) => ({
        orgId: org.id,
        action: "seat.revoked",
        target: { type: "user", id, label: memberLabel(byId.get(id)!) },
      })),
    );
    const { total, assigned, reserved, available } = await getSeatUsage(tx, org.id);
    return { results, seats: { total, assigned, reserved, available } };
  });
}

/** The single-row action: revokes one seat or says plainly why not. */
export async function revokeSeat(actor: Actor, orgSlug: string, input: { userId: string }) {
  const { userId } = parseInput(memberTargetSchema, input);
  const report = await revokeSeats(actor, orgSlug, { userIds: [userId] });
  const [result] = report.results;
  if (result.outcome === "not_member") throw notFound("This person is not a member of this organization.");
  if (result.outcome === "had_no_seat")
    throw new AppError("conflict", "This member has no seat to revoke.", undefined, "no_seat_to_revoke");
  return { ...result, seats: report.seats };
}

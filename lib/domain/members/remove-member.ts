import { and, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/policy";
import { AppError, notFound } from "@/lib/errors";
import { memberTargetSchema } from "@/lib/validation/members";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { revokeSeatsAndTokens } from "../seats/revoke-access";
import { lastAdminError } from "./change-member-role";
import { countAdmins, findMember, lockOrgAccess, memberLabel } from "./lock-org";

/** Admins remove someone else; their seat and token are revoked in the same transaction. */
export async function removeMember(actor: Actor, orgSlug: string, input: { userId: string }) {
  const { userId } = parseInput(memberTargetSchema, input);
  return db().transaction(async (tx) => {
    const { org, principal } = await lockOrgAccess(tx, actor, orgSlug, "members.manage");
    if (actor.kind === "user" && actor.userId === userId) {
      throw new AppError(
        "forbidden",
        "You cannot remove yourself. Another Account Admin can make you a Member, then you can leave.",
        undefined,
        "remove_self",
      );
    }
    const member = await findMember(tx, org.id, userId);
    if (!member) throw notFound("This person is not a member of this organization.");
    if (member.role === "admin") assertCan(principal, "members.manageAdmins");
    if (member.role === "admin" && (await countAdmins(tx, org.id)) <= 1) throw lastAdminError();

    const seatRevoked = (await revokeSeatsAndTokens(tx, org.id, [userId])).length > 0;
    await tx.delete(t.memberships).where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, userId)));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "member.removed",
      target: { type: "user", id: userId, label: memberLabel(member) },
      metadata: { role: member.role, seatRevoked },
    });
    return { userId, message: `${member.name} was removed from ${org.name}.` };
  });
}

import { and, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/policy";
import { AppError, forbidden } from "@/lib/errors";
import { recordActivity } from "../activity/record-activity";
import { revokeSeatsAndTokens } from "../seats/revoke-access";
import { requireUser } from "../users/require-user";
import { lockOrgAccess } from "./lock-org";

export const adminCannotLeaveMessage =
  "Account Admins cannot leave an organization. Another Account Admin must first make you a Member or Billing Manager.";

/** A member or billing manager leaves; their seat and token are revoked at once. */
export async function leaveOrganization(actor: Actor, orgSlug: string) {
  const user = requireUser(actor);
  return db().transaction(async (tx) => {
    const { org, role, principal } = await lockOrgAccess(tx, actor, orgSlug);
    if (!can(principal, "org.leave")) {
      throw role === "admin" ? new AppError("forbidden", adminCannotLeaveMessage, undefined, "admin_cannot_leave") : forbidden();
    }
    const seatRevoked = (await revokeSeatsAndTokens(tx, org.id, [user.userId])).length > 0;
    await tx.delete(t.memberships).where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, user.userId)));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "member.left",
      target: { type: "user", id: user.userId, label: user.label },
      metadata: { role, seatRevoked },
    });
    return { orgName: org.name };
  });
}

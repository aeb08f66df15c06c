import { db } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { tokenTargetSchema, type TokenTargetInput } from "@/lib/validation/tokens";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "@/lib/domain/activity/record-activity";
import { findMember } from "@/lib/domain/members/lock-org";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";
import { noTokenError, revokeCurrentToken } from "./token-rules";

/**
 * Revokes a member's current token: their own (any member), or anyone's (Account Admins and
 * service accounts with members.manage). It stops working the moment this commits.
 */
export async function revokeToken(actor: Actor, orgSlug: string, input: TokenTargetInput, { now = new Date() } = {}) {
  const { userId } = parseInput(tokenTargetSchema, input);
  const self = actor.kind === "user" && actor.userId === userId;
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, self ? "tokens.self" : "members.manage", tx);
    const member = await findMember(tx, org.id, userId);
    if (!member) throw new AppError("not_found", "This person is not a member of this organization.");
    const revoked = await revokeCurrentToken(tx, org.id, userId, now);
    if (revoked.length === 0) throw noTokenError();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "token.revoked",
      target: { type: "user", id: userId, label: member.email ?? member.name },
      metadata: { last4: revoked[0].last4 },
    });
    return { revoked: true as const };
  });
}

import { and, eq, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { tokenIdTargetSchema, type TokenIdTargetInput } from "@/lib/validation/tokens";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "@/lib/domain/activity/record-activity";
import { findMember } from "@/lib/domain/members/lock-org";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";

const noSuchToken = () => new AppError("not_found", "This member has no token with this ID.", undefined, "token_not_found");

/**
 * Revokes exactly one of a member's tokens, named by its ID (from the token history). A token
 * that is already revoked is a conflict, not a second revocation; other tokens are untouched.
 */
export async function revokeTokenById(actor: Actor, orgSlug: string, input: TokenIdTargetInput, { now = new Date() } = {}) {
  const { userId, tokenId } = parseInput(tokenIdTargetSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "members.manage", tx);
    const member = await findMember(tx, org.id, userId);
    if (!member) throw new AppError("not_found", "This person is not a member of this organization.");
    const ofMember = and(eq(t.memberTokens.id, tokenId), eq(t.memberTokens.orgId, org.id), eq(t.memberTokens.userId, userId));
    const [revoked] = await tx
      .update(t.memberTokens)
      .set({ revokedAt: now })
      .where(and(ofMember, isNull(t.memberTokens.revokedAt)))
      .returning({ last4: t.memberTokens.last4 });
    if (!revoked) {
      const [exists] = await tx.select({ id: t.memberTokens.id }).from(t.memberTokens).where(ofMember).limit(1);
      if (!exists) throw noSuchToken();
      throw new AppError("conflict", "This token is already revoked.", undefined, "token_already_revoked");
    }
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "token.revoked",
      target: { type: "user", id: userId, label: member.email ?? member.name },
      metadata: { last4: revoked.last4, tokenId },
    });
    return { revoked: true as const };
  });
}

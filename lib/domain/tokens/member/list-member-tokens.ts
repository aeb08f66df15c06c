import { and, desc, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { tokenTargetSchema, type TokenTargetInput } from "@/lib/validation/tokens";
import { parseInput } from "@/lib/validation/parse";
import { findMember } from "@/lib/domain/members/lock-org";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";

export type MemberTokenRecord = {
  id: string;
  last4: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  useCount: number;
};

/**
 * A member's token history in this org, newest first: the current token (if any) and every
 * revoked or replaced one. Revoked rows are kept for this reason; only hashes are stored, so
 * nothing here can be used to download packages.
 */
export async function listMemberTokens(actor: Actor, orgSlug: string, input: TokenTargetInput): Promise<MemberTokenRecord[]> {
  const { userId } = parseInput(tokenTargetSchema, input);
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "members.manage", q);
  if (!(await findMember(q, org.id, userId))) throw new AppError("not_found", "This person is not a member of this organization.");
  return q
    .select({
      id: t.memberTokens.id,
      last4: t.memberTokens.last4,
      createdAt: t.memberTokens.createdAt,
      expiresAt: t.memberTokens.expiresAt,
      revokedAt: t.memberTokens.revokedAt,
      lastUsedAt: t.memberTokens.lastUsedAt,
      useCount: t.memberTokens.useCount,
    })
    .from(t.memberTokens)
    .where(and(eq(t.memberTokens.orgId, org.id), eq(t.memberTokens.userId, userId)))
    .orderBy(desc(t.memberTokens.createdAt), desc(t.memberTokens.id))
    .limit(1000);
}

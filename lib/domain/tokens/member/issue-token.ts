import { db, t } from "@/db";
import TokenIssuedEmail, { tokenIssuedSubject } from "@/emails/token-issued";
import type { Actor } from "@/lib/authz/actor";
import { appUrl } from "@/lib/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { tokenCommands } from "@/lib/domain/tokens/member/commands";
import { generateToken, hashToken, tokenLast4 } from "@/lib/domain/tokens/member/format";
import { issueTokenSchema, type IssueTokenInput } from "@/lib/validation/tokens";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "@/lib/domain/activity/record-activity";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";
import {
  activeSubscription,
  formatExpiry,
  lockSeatedMember,
  noSeatError,
  revokeCurrentToken,
  subscriptionInactiveError,
  tokenExpiry,
} from "./token-rules";

export type IssuedToken = { id: string; token: string; last4: string; expiresAt: Date; reissued: boolean };

/**
 * Issues a member's token (their own; or, for Account Admins and service accounts, another
 * member's, which the API needs for organization-managed users, who cannot sign in), or replaces the current one (the old row is revoked and the
 * new one inserted in one transaction, so the old token stops the moment this commits). Only
 * members holding a seat, in an org whose subscription is active. The token expires at the
 * subscription's period end unless an earlier moment is asked for. The plain token is returned
 * and emailed once; only its hash is stored.
 */
export async function issueToken(
  actor: Actor,
  orgSlug: string,
  input: IssueTokenInput = {},
  { now = new Date() } = {},
): Promise<IssuedToken> {
  const { expiresAt: requested, userId: target, graceMonths = 0, clampToPeriod, sendEmail = true } = parseInput(issueTokenSchema, input);
  const self = actor.kind === "user" && (!target || target === actor.userId);
  const userId = actor.kind === "user" && self ? actor.userId : target;
  if (!userId)
    throw new AppError("validation", "Choose a member of this organization.", { userId: "Choose a member of this organization." });
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, self ? "tokens.self" : "members.manage", tx);
    const member = await lockSeatedMember(tx, org.id, userId);
    if (!member) throw new AppError("not_found", "This person is not a member of this organization.");
    if (!member.seatAssignedAt) throw noSeatError(self);
    const sub = await activeSubscription(tx, org.id, now);
    if (!sub) throw subscriptionInactiveError();
    const effectiveExpiry = tokenExpiry({ requested, periodEnd: sub.currentPeriodEnd, graceMonths, clampToPeriod, now });

    const replaced = await revokeCurrentToken(tx, org.id, userId, now);
    const token = generateToken();
    const [row] = await tx
      .insert(t.memberTokens)
      .values({ orgId: org.id, userId, tokenHash: hashToken(token), last4: tokenLast4(token), expiresAt: effectiveExpiry, createdAt: now })
      .returning({ id: t.memberTokens.id });
    const reissued = replaced.length > 0;
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: reissued ? "token.reissued" : "token.issued",
      target: { type: "user", id: userId, label: member.email ?? member.name },
      metadata: {
        last4: tokenLast4(token),
        expiresAt: effectiveExpiry.toISOString(),
        ...(reissued ? { replacedLast4: replaced[0].last4 } : {}),
      },
    });
    if (member.email && sendEmail) {
      const commands = tokenCommands(appUrl(), token);
      const mail = await renderEmail(
        "token-issued",
        tokenIssuedSubject(org.name, reissued),
        TokenIssuedEmail({
          orgName: org.name,
          token,
          reissued,
          expiresAt: formatExpiry(effectiveExpiry),
          condaCommand: commands.condaCommand,
          curlCommand: commands.curlCommand,
          tokenAccessUrl: `${appUrl()}/organizations/${org.slug}/token-access`,
        }),
      );
      await enqueueEmail(tx, { ...mail, to: member.email });
    }
    return { id: row.id, token, last4: tokenLast4(token), expiresAt: effectiveExpiry, reissued };
  });
}

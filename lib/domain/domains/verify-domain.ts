import { and, eq, isNull } from "drizzle-orm";
import { RateLimiterRes } from "rate-limiter-flexible";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { drizzleLimiters } from "@/lib/rate-limit";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { toDomainJson } from "./domain-json";
import { loadOrgDomain } from "./load-domain";
import { challengeMessages, lookupChallenge, type ChallengeOutcome } from "./lookup-challenge";

// Each Verify asks DNS servers on the Internet: a handful a minute per org is plenty for a
// person waiting for a record to appear, and keeps the server from being used to flood resolvers.
export const VERIFY_LIMIT = { points: 10, duration: 60 };
const limiter = () => drizzleLimiters("domain-verify", { org: VERIFY_LIMIT }).org;

async function consumeVerify(orgId: string) {
  try {
    await limiter().consume(orgId);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many verification attempts. Try again in ${seconds} seconds.`, undefined, "too_many", seconds);
  }
}

/**
 * Verify: looks the TXT record up and, when it holds the value, marks the domain verified.
 * A failed look-up changes nothing and answers why (no record, another value, DNS failure).
 * The look-up runs outside any transaction: no row stays locked while DNS answers.
 */
export async function verifyDomain(actor: Actor, orgSlug: string, name: string) {
  const { org } = await loadOrgAccess(actor, orgSlug, "settings.update");
  const row = await loadOrgDomain(db(), org.id, name);
  if (row.verifiedAt) return { domain: toDomainJson(row), outcome: "verified" as ChallengeOutcome, message: challengeMessages.verified };
  await consumeVerify(org.id);
  const outcome = await lookupChallenge(row.domain, row.verificationToken);
  if (outcome !== "verified") return { domain: toDomainJson(row), outcome, message: challengeMessages[outcome] };
  return db().transaction(async (tx) => {
    // Access again inside the transaction: the actor may have lost it while DNS answered.
    await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const [updated] = await tx
      .update(t.orgDomains)
      .set({ verifiedAt: new Date() })
      .where(and(eq(t.orgDomains.id, row.id), eq(t.orgDomains.verificationToken, row.verificationToken), isNull(t.orgDomains.verifiedAt)))
      .returning();
    // Removed meanwhile (not found) or verified by a concurrent click (already done).
    const current = updated ?? (await loadOrgDomain(tx, org.id, row.domain));
    if (updated) {
      await recordActivity(tx, actor, {
        orgId: org.id,
        action: "domain.verified",
        target: { type: "domain", id: row.id, label: row.domain },
      });
    }
    return { domain: toDomainJson(current), outcome, message: challengeMessages.verified };
  });
}

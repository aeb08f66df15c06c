import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, t, type Tx } from "@/db";
import type { OrgDomain } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { addDomainSchema } from "@/lib/validation/domains";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { toDomainJson } from "./domain-json";

/**
 * A claim nobody verified within this many days lapses when another organization adds the
 * domain: without it, any org could hold a domain it does not own (a company's, say) by adding
 * it and never verifying, and its owner could never claim it. Verifying takes minutes for whoever
 * controls the DNS. A lapsed claim that nobody else wants stays, and can still be verified.
 */
export const PENDING_CLAIM_DAYS = 7;

// The other org is never named (nor whether its claim is verified): an admin of one org learns
// nothing about another beyond "taken".
const takenElsewhere = () =>
  new AppError(
    "conflict",
    `This domain is already claimed by another organization on this instance. A claim that is not verified within ${PENDING_CLAIM_DAYS} days lapses: if the domain is yours, try again later.`,
    { domain: "Another organization has already added this domain." },
    "domain_taken",
  );
const alreadyHere = () =>
  new AppError("conflict", "This domain is already in your organization's list.", { domain: "Already added." }, "domain_taken");

/** Add Domain: a pending claim with a fresh random value to publish as a TXT record. */
export async function addDomain(actor: Actor, orgSlug: string, input: unknown) {
  const { domain } = parseInput(addDomainSchema, input);
  const token = `org-portal-verification=${randomBytes(24).toString("base64url")}`;
  try {
    return await db().transaction(async (tx) => {
      const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
      const [row] = await tx
        .insert(t.orgDomains)
        .values({ orgId: org.id, domain, verificationToken: token })
        .onConflictDoNothing()
        .returning();
      const added = row ?? (await takeOverLapsedClaim(tx, org.id, domain, token));
      await recordActivity(tx, actor, { orgId: org.id, action: "domain.added", target: { type: "domain", id: added.id, label: domain } });
      return toDomainJson(added);
    });
  } catch (err) {
    if (isUniqueViolation(err, "org_domains_domain_key")) throw takenElsewhere();
    throw err;
  }
}

/**
 * The domain is in some org's list already: ours (refused), claimed and verified or recently
 * added by another (refused, without saying which), or a claim of another org that lapsed
 * (replaced by ours, in this transaction; the row is locked, so two orgs cannot both take it).
 */
async function takeOverLapsedClaim(tx: Tx, orgId: string, domain: string, token: string) {
  const [existing] = await tx.select().from(t.orgDomains).where(eq(t.orgDomains.domain, domain)).for("update");
  // Removed between our insert and this read: the unique index decides on the insert below.
  if (existing?.orgId === orgId) throw alreadyHere();
  const lapsed = (claim: OrgDomain) => !claim.verifiedAt && claim.createdAt.getTime() < Date.now() - PENDING_CLAIM_DAYS * DAY_MS;
  if (existing && !lapsed(existing)) throw takenElsewhere();
  if (existing) await tx.delete(t.orgDomains).where(and(eq(t.orgDomains.id, existing.id), isNull(t.orgDomains.verifiedAt)));
  const [row] = await tx.insert(t.orgDomains).values({ orgId, domain, verificationToken: token }).returning();
  return row;
}

const DAY_MS = 86_400_000;

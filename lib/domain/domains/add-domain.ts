import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { addDomainSchema } from "@/lib/validation/domains";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { toDomainJson } from "./domain-json";

// The other org is never named (nor whether its claim is verified): an admin of one org learns
// nothing about another beyond "taken".
const takenElsewhere = () =>
  new AppError(
    "conflict",
    "This domain is already claimed by another organization on this instance.",
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
      if (!row) {
        const [mine] = await tx
          .select({ id: t.orgDomains.id })
          .from(t.orgDomains)
          .where(and(eq(t.orgDomains.domain, domain), eq(t.orgDomains.orgId, org.id)));
        throw mine ? alreadyHere() : takenElsewhere();
      }
      await recordActivity(tx, actor, { orgId: org.id, action: "domain.added", target: { type: "domain", id: row.id, label: domain } });
      return toDomainJson(row);
    });
  } catch (err) {
    if (isUniqueViolation(err, "org_domains_domain_key")) throw takenElsewhere();
    throw err;
  }
}

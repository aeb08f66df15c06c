import { and, eq, isNotNull } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";

/** The domain part of an address, lower-cased; null when it is not an address. */
export function emailDomain(email: string): string | null {
  const at = email.trim().lastIndexOf("@");
  if (at <= 0 || at === email.trim().length - 1) return null;
  return email
    .trim()
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/, "");
}

/**
 * The org that has VERIFIED the domain of this address, if any. A pending claim counts for
 * nothing: only a published TXT record proves the org speaks for the domain's addresses.
 * Single sign-on and the API's "add directly" rule both start here.
 */
export async function findOrgByVerifiedDomain(email: string, q: Queryable = db()): Promise<{ orgId: string; orgSlug: string } | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const [row] = await q
    .select({ orgId: t.orgDomains.orgId, orgSlug: t.organizations.slug })
    .from(t.orgDomains)
    .innerJoin(t.organizations, eq(t.organizations.id, t.orgDomains.orgId))
    .where(and(eq(t.orgDomains.domain, domain), isNotNull(t.orgDomains.verifiedAt)))
    .limit(1);
  return row ?? null;
}

/** The org's verified domains, for checking many addresses at once (onboarding). */
export async function orgVerifiedDomains(q: Queryable, orgId: string): Promise<Set<string>> {
  const rows = await q
    .select({ domain: t.orgDomains.domain })
    .from(t.orgDomains)
    .where(and(eq(t.orgDomains.orgId, orgId), isNotNull(t.orgDomains.verifiedAt)));
  return new Set(rows.map((r) => r.domain));
}

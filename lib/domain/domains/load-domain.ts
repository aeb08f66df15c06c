import { and, eq } from "drizzle-orm";
import { t, type Queryable } from "@/db";
import { notFound } from "@/lib/errors";
import { domainNameSchema } from "@/lib/validation/domains";

export const domainNotFound = () => notFound("Domain not found in this organization.");

/** One of the org's domains by name (as typed in a URL); anything else is simply not found. */
export async function loadOrgDomain(q: Queryable, orgId: string, name: string, { lock = false } = {}) {
  const parsed = domainNameSchema.safeParse(name);
  if (!parsed.success) throw domainNotFound();
  const query = q
    .select()
    .from(t.orgDomains)
    .where(and(eq(t.orgDomains.orgId, orgId), eq(t.orgDomains.domain, parsed.data)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw domainNotFound();
  return row;
}

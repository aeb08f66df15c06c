import { asc, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";
import { toDomainJson } from "./domain-json";

/** The org's domains (pending and verified) and its "Allow members of verified domains to join". */
export async function listDomains(actor: Actor, orgSlug: string) {
  const { org } = await loadOrgAccess(actor, orgSlug, "settings.read");
  const rows = await db().select().from(t.orgDomains).where(eq(t.orgDomains.orgId, org.id)).orderBy(asc(t.orgDomains.domain));
  return { domains: rows.map(toDomainJson), allow_domain_join: org.allowDomainJoin };
}

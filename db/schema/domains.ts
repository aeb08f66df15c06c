import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

// Verified domains (DESIGN 8.5): an org proves it owns an email domain by publishing a TXT record.
// A domain belongs to at most one org on the instance, pending or verified, so two orgs can never
// both claim the addresses of one company (and a second org cannot squat on a pending claim
// either: the first org must remove it).
export const orgDomains = pgTable(
  "org_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Lower-case hostname, no trailing dot.
    domain: text("domain").notNull(),
    // The random value the org publishes at _org-portal-challenge.<domain>. Not a secret: it
    // only proves control of the zone, and anyone can read it from DNS once published.
    verificationToken: text("verification_token").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("org_domains_domain_key").on(t.domain), index("org_domains_org_idx").on(t.orgId)],
);

export type OrgDomain = typeof orgDomains.$inferSelect;

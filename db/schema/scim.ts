import { sql } from "drizzle-orm";
import { boolean, foreignKey, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { groups } from "./channels";
import { memberships, organizations } from "./organizations";
import { users } from "./users";

// The org's SCIM bearer token (Directory Sync): one per org, stored as a hash only, shown once.
// Generating again replaces the row, so the old token stops at once.
export const scimTokens = pgTable(
  "scim_tokens",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    last4: text("last4").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("scim_tokens_hash_key").on(t.tokenHash)],
);

// What the identity provider knows about a member: its externalId and whether it is active.
// Keyed by the membership (removing the member removes this row). A member without a row is
// active and has no externalId. An inactive member stays listed but holds no seat, no token and
// cannot open the org (see org-access.ts).
export const scimMembers = pgTable(
  "scim_members",
  {
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id").notNull(),
    externalId: text("external_id"),
    // The IdP's userName (often the address, but e.g. an Entra UPN may differ from the mail).
    userName: text("user_name"),
    givenName: text("given_name"),
    familyName: text("family_name"),
    // Whether this org's SCIM created the account (then the IdP also keeps its name up to date;
    // an account that existed before belongs to its person and is never renamed by an org).
    managesAccount: boolean("manages_account").notNull().default(false),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({
      columns: [t.orgId, t.userId],
      foreignColumns: [memberships.orgId, memberships.userId],
      name: "scim_members_membership_fk",
    }).onDelete("cascade"),
    uniqueIndex("scim_members_external_key")
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    uniqueIndex("scim_members_user_name_key")
      .on(t.orgId, sql`lower(${t.userName})`)
      .where(sql`${t.userName} is not null`),
  ],
);

// The SCIM externalId of an org's group (the group itself is the org's Group).
export const scimGroups = pgTable(
  "scim_groups",
  {
    groupId: uuid("group_id")
      .primaryKey()
      .references(() => groups.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("scim_groups_external_key")
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export type ScimToken = typeof scimTokens.$inferSelect;
export type ScimMember = typeof scimMembers.$inferSelect;

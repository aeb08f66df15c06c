import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The Organization ID shown to people: lower-case, immutable, unique.
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    // Org settings (Org Profile): whether members may use cloud storage and cloud notebooks.
    cloudStorage: boolean("cloud_storage").notNull().default(true),
    cloudNotebooks: boolean("cloud_notebooks").notNull().default(true),
    // Org policy: members who sign in must use two-factor authentication.
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    // Org setting: accounts with a verified address in one of the org's verified domains may join.
    allowDomainJoin: boolean("allow_domain_join").notNull().default(false),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);

export const roleEnum = pgEnum("member_role", ["admin", "billing_manager", "member"]);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull().default("member"),
    // Non-null while the member holds a seat of the org's subscription.
    seatAssignedAt: timestamp("seat_assigned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId),
    index("memberships_user_idx").on(t.userId),
    index("memberships_org_role_idx").on(t.orgId, t.role),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];

import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const billingCycleEnum = pgEnum("billing_cycle", ["monthly", "yearly"]);
export const subscriptionStatusEnum = pgEnum("subscription_status", ["active", "lapsed", "canceled"]);

// At most one per org. Assigning a seat locks this row (SELECT ... FOR UPDATE) before counting.
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    seats: integer("seats").notNull(),
    billingCycle: billingCycleEnum("billing_cycle").notNull(),
    status: subscriptionStatusEnum("status").notNull().default("active"),
    currentPeriodStart: timestamp("current_period_start", { withTimezone: true }).notNull(),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("subscriptions_org_key").on(t.orgId), check("subscriptions_seats_range", sql`${t.seats} between 1 and 100000`)],
);

// The internal payment ledger: one row per purchase, change or renewal (no card processing).
export const subscriptionLedger = pgTable(
  "subscription_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // purchase | seats_changed | cycle_changed | renewal
    seats: integer("seats").notNull(),
    billingCycle: billingCycleEnum("billing_cycle").notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    actorLabel: text("actor_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subscription_ledger_org_idx").on(t.orgId, t.id)],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type BillingCycle = (typeof billingCycleEnum.enumValues)[number];

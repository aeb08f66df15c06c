import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Counters for rate-limiter-flexible's Drizzle store (shared by every app process).
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});

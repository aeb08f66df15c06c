import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./users";

// A member's access token (the one a seat entitles them to). Only the hash is stored.
export const memberTokens = pgTable(
  "member_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    last4: text("last4").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    useCount: integer("use_count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("member_tokens_hash_key").on(t.tokenHash),
    // One current token per member and org.
    uniqueIndex("member_tokens_current_key")
      .on(t.orgId, t.userId)
      .where(sql`${t.revokedAt} is null`),
    index("member_tokens_user_idx").on(t.userId),
  ],
);

export type MemberToken = typeof memberTokens.$inferSelect;

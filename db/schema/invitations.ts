import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, roleEnum } from "./organizations";
import { users } from "./users";

export const invitationStatusEnum = pgEnum("invitation_status", ["pending", "accepted", "revoked"]);

// Expiry is derived: a pending invitation is expired once expires_at (last sent + 7 days) has passed.
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(), // trimmed, lower-cased
    status: invitationStatusEnum("status").notNull().default("pending"),
    // Hash of the current link's secret; resending replaces it, so earlier links stop working.
    tokenHash: text("token_hash").notNull(),
    // The role the person joins with, and whether a seat comes with it. A pending, unexpired
    // invitation with a seat reserves one: it counts against the subscription like an assigned seat.
    role: roleEnum("role").notNull().default("member"),
    withSeat: boolean("with_seat").notNull().default(false),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    invitedByLabel: text("invited_by_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // At most one pending invitation per address and org, even under concurrent invites.
    uniqueIndex("invitations_pending_email_key")
      .on(t.orgId, t.email)
      .where(sql`${t.status} = 'pending'`),
    index("invitations_org_status_idx").on(t.orgId, t.status, t.sentAt),
    // Counting reserved seats reads only the pending invitations that carry one.
    index("invitations_org_seat_idx")
      .on(t.orgId, t.expiresAt)
      .where(sql`${t.status} = 'pending' and ${t.withSeat}`),
  ],
);

// Every link ever sent, so an old link can be told apart ("superseded") from an unknown one.
export const invitationLinks = pgTable("invitation_links", {
  tokenHash: text("token_hash").primaryKey(),
  invitationId: uuid("invitation_id")
    .notNull()
    .references(() => invitations.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Invitation = typeof invitations.$inferSelect;

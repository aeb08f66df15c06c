import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./users";

// Single sign-on (DESIGN 8.5): one OpenID Connect connection per org. The client secret is read
// back for every token exchange, so it is encrypted (lib/auth/secret-box.ts), never hashed.
export const ssoConnections = pgTable(
  "sso_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretEnc: text("client_secret_enc").notNull(),
    // On: password sign-in is refused for addresses in the org's verified domains.
    requireSso: boolean("require_sso").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sso_connections_org_key").on(t.orgId)],
);

// One row per sign-in sent to an IdP: the browser holds a random key in a cookie (only its hash
// is here), the row holds what the callback must check. used_at is set before the code is
// exchanged, so a replayed callback finds the row spent.
export const ssoLogins = pgTable(
  "sso_logins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    keyHash: text("key_hash").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    // Where the person goes once signed in (a path of this app, checked when it was stored).
    returnTo: text("return_to"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sso_logins_key_key").on(t.keyHash), index("sso_logins_expires_idx").on(t.expiresAt)],
);

// A login ticket: minted by a successful callback, redeemed once by the "sso" credentials
// provider (next-auth writes the session cookie, which a route handler cannot do for it).
export const ssoTickets = pgTable(
  "sso_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketHash: text("ticket_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sso_tickets_ticket_key").on(t.ticketHash), index("sso_tickets_expires_idx").on(t.expiresAt)],
);

export type SsoConnection = typeof ssoConnections.$inferSelect;
export type SsoLogin = typeof ssoLogins.$inferSelect;

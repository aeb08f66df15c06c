import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // Stored trimmed and lower-cased; null for organization-managed users (no login).
    email: text("email"),
    passwordHash: text("password_hash"),
    // Set for organization-managed users: made through the API for machines, no email, no login.
    managedByOrgId: uuid("managed_by_org_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Set when the person followed a link sent to the address (or accepted an invitation sent there).
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    // Two-factor authentication (TOTP): the secret encrypted with a key derived from AUTH_SECRET;
    // set when the person confirmed a first code. The last accepted time step refuses replays.
    totpSecretEnc: text("totp_secret_enc"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    // Set by an instance admin: the account cannot sign in and every credential it holds stops.
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    // The Users page's default order: its first page walks this index and probes each org's
    // membership, instead of sorting every member of a 100,000-member org (docs/decisions/020).
    index("users_lower_name_idx").on(sql`lower(${t.name})`, t.id),
  ],
);

export type User = typeof users.$inferSelect;

import { sql } from "drizzle-orm";
import { boolean, check, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const signUpModes = ["open", "invite_only", "allowed_domains"] as const;
export type SignUpMode = (typeof signUpModes)[number];
export const orgCreators = ["anyone", "instance_admins"] as const;
export type OrgCreators = (typeof orgCreators)[number];

// One row (id = 1): how this instance lets people in. A missing row means the defaults.
export const instanceSettings = pgTable(
  "instance_settings",
  {
    id: smallint("id").primaryKey().default(1),
    signUpMode: text("sign_up_mode").$type<SignUpMode>().notNull().default("open"),
    // Lower-case domains without "@"; used while sign_up_mode is allowed_domains.
    allowedDomains: text("allowed_domains")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    orgCreators: text("org_creators").$type<OrgCreators>().notNull().default("anyone"),
    selfServicePurchase: boolean("self_service_purchase").notNull().default(true),
    // The first account created on the instance. Set once (never cleared, not a foreign key), so
    // deleting that account cannot hand the role to whoever signs up next.
    firstAdminUserId: uuid("first_admin_user_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("instance_settings_singleton", sql`${t.id} = 1`),
    check("instance_settings_sign_up_mode", sql`${t.signUpMode} in ('open', 'invite_only', 'allowed_domains')`),
    check("instance_settings_org_creators", sql`${t.orgCreators} in ('anyone', 'instance_admins')`),
  ],
);

export type InstanceSettings = typeof instanceSettings.$inferSelect;

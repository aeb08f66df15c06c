import { sql } from "drizzle-orm";
import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { memberships, organizations } from "./organizations";
import { users } from "./users";

export const channelAccessEnum = pgEnum("channel_access", ["all_seated", "groups"]);

// A conda channel owned by one org. Its packages live under PACKAGES_DIR/<channel id>/<subdir>/.
export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    access: channelAccessEnum("access").notNull().default("all_seated"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("channels_org_name_key").on(t.orgId, t.name)],
);

export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("groups_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

// The membership is the foreign key: leaving the org takes the user out of its groups.
export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
    index("group_members_org_user_idx").on(t.orgId, t.userId),
  ],
);

export const channelGroups = pgTable(
  "channel_groups",
  {
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.groupId] }), index("channel_groups_group_idx").on(t.groupId)],
);

export const packages = pgTable(
  "packages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
    subdir: text("subdir").notNull(),
    filename: text("filename").notNull(),
    name: text("name").notNull(),
    version: text("version").notNull(),
    build: text("build").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    md5: text("md5").notNull(),
    // The repodata record of this file, as the archive's info/index.json said plus size and hashes.
    record: jsonb("record").$type<Record<string, unknown>>().notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedByLabel: text("uploaded_by_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Counted in memory by the download path and written in batches.
    downloads: bigint("downloads", { mode: "number" }).notNull().default(0),
    lastDownloadedAt: timestamp("last_downloaded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("packages_channel_file_key").on(t.channelId, t.subdir, t.filename),
    // The channel page's keyset order (name, filename, subdir), so a page is one index range.
    index("packages_channel_page_idx").on(t.channelId, t.name, t.filename, t.subdir),
  ],
);

// The revision of one channel subdir's repodata.json. The records themselves are the packages'
// `record` column; an upload or delete bumps this small row (its trigger NOTIFYs), and each
// process assembles the served document once per revision (docs/decisions/020).
export const channelRepodata = pgTable(
  "channel_repodata",
  {
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    subdir: text("subdir").notNull(),
    revision: integer("revision").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.subdir] })],
);

export type Channel = typeof channels.$inferSelect;
export type ChannelAccess = (typeof channelAccessEnum.enumValues)[number];
export type Group = typeof groups.$inferSelect;
export type PackageRow = typeof packages.$inferSelect;

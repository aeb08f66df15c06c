import { bigint, date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";

// Downloads per package name and UTC day, added to by the same batched flush as
// packages.downloads. Keyed by channel and name, not by file, so a day's count survives deleting
// or replacing a version; org_id is copied from the channel so the Overview reads one index range.
export const packageDownloadDays = pgTable(
  "package_download_days",
  {
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
    name: text("name").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    downloads: bigint("downloads", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.name, t.day] }), index("package_download_days_org_day_idx").on(t.orgId, t.day)],
);

export type PackageDownloadDay = typeof packageDownloadDays.$inferSelect;

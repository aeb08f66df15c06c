import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

// Append-only: the app has no code path that updates or deletes these rows (only the org's
// deletion cascades, and the app has no way to delete an org).
export const activity = pgTable(
  "activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    actorType: text("actor_type").notNull(), // user | service_account | system
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(), // e.g. organization.created
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    ip: text("ip"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_org_id_idx").on(t.orgId, t.id),
    index("activity_org_actor_idx").on(t.orgId, t.actorId, t.id),
    // Date-range filters turn dates into an id window with index-only probes (see activity-query.ts).
    index("activity_org_created_idx").on(t.orgId, t.createdAt, t.id),
    // Filters by action and by target keep the id order, so a filtered page is one index range.
    index("activity_org_action_idx").on(t.orgId, t.action, t.id),
    index("activity_org_target_idx").on(t.orgId, t.targetId, t.id),
    index("activity_org_target_label_idx").on(t.orgId, t.targetLabel, t.id),
  ],
);

export type ActivityRow = typeof activity.$inferSelect;

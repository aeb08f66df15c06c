import { db } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { activityFilterSchema, type ActivityFilterInput } from "@/lib/validation/activity";
import { parseInput } from "@/lib/validation/parse";
import { loadOrgAccess } from "../organizations/org-access";
import { fetchActivityRows, resolveActivityFilter } from "./activity-query";

export const ACTIVITY_PAGE_SIZE = 50;

/**
 * Newest first, filtered by actor, action, target and dates, keyset-paginated by id so a page
 * costs the same at any depth. Reading is `activity.read` (admins, service accounts); the app
 * has no use case that edits or deletes an entry.
 */
export async function listActivity(actor: Actor, orgSlug: string, input: ActivityFilterInput = {}, { pageSize = ACTIVITY_PAGE_SIZE } = {}) {
  const filter = parseInput(activityFilterSchema, input);
  const { org } = await loadOrgAccess(actor, orgSlug, "activity.read");
  const resolved = await resolveActivityFilter(db(), org.id, filter);
  const rows = await fetchActivityRows(db(), resolved, filter.cursor ? Number(filter.cursor) : undefined, pageSize + 1);
  const hasMore = rows.length > pageSize;
  const entries = rows.slice(0, pageSize);
  return { org, entries, nextCursor: hasMore ? String(entries[entries.length - 1].id) : null };
}

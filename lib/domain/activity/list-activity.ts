import { and, desc, eq, lt } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";

export const ACTIVITY_PAGE_SIZE = 50;

/** Newest first, keyset-paginated by id so a page costs the same at any depth. */
export async function listActivity(actor: Actor, orgSlug: string, { before }: { before?: number } = {}) {
  const { org } = await loadOrgAccess(actor, orgSlug, "activity.read");
  const rows = await db()
    .select()
    .from(t.activity)
    .where(and(eq(t.activity.orgId, org.id), before ? lt(t.activity.id, before) : undefined))
    .orderBy(desc(t.activity.id))
    .limit(ACTIVITY_PAGE_SIZE + 1);
  const hasMore = rows.length > ACTIVITY_PAGE_SIZE;
  const entries = rows.slice(0, ACTIVITY_PAGE_SIZE);
  return { entries, nextBefore: hasMore ? entries[entries.length - 1].id : null };
}

import type { Actor } from "@/lib/authz/actor";
import { listMembers, type MemberRow } from "./list-members";

const PAGE = 100;

/**
 * Every member of an org, oldest first, for callers that take the whole list in one answer
 * (the v1 API has no paging). Walks the same pages the paginated list serves.
 */
export async function listAllMembers(actor: Actor, orgSlug: string): Promise<MemberRow[]> {
  const rows: MemberRow[] = [];
  for (let page = 1; ; page++) {
    const result = await listMembers(actor, orgSlug, { sort: "joined", dir: "asc", page, pageSize: PAGE });
    rows.push(...result.rows);
    if (result.rows.length < PAGE || rows.length >= result.total) return rows;
  }
}

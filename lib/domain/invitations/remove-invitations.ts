import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { invitationIdsSchema, type InvitationIdsInput } from "@/lib/validation/invitations";
import { parseInput } from "@/lib/validation/parse";
import { recordActivities } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { jsonUuidList, lockOrgInvitations, type InvitationCtx } from "./invite-context";

/** Removes pending invitations: their links stop working at once. Others are skipped. */
export async function removeInvitations(actor: Actor, orgSlug: string, input: InvitationIdsInput, ctx: InvitationCtx = {}) {
  const { ids } = parseInput(invitationIdsSchema, input);
  const unique = [...new Set(ids)];
  const now = (ctx.now ?? new Date()).toISOString();
  const removed = await db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage", tx);
    await lockOrgInvitations(tx, org.id);
    // One statement for any number of rows.
    const result = await tx.execute(sql`
      update invitations set status = 'revoked', revoked_at = ${now}::timestamptz
      where org_id = ${org.id}::uuid and status = 'pending' and id in ${jsonUuidList(unique)}
      returning id, email`);
    const rows = (result as unknown as { rows: Array<{ id: string; email: string }> }).rows;
    await recordActivities(
      tx,
      actor,
      rows.map((r) => ({ orgId: org.id, action: "invitation.removed", target: { type: "invitation", id: r.id, label: r.email } })),
    );
    return rows;
  });
  return { removed: removed.length, skipped: unique.length - removed.length, emails: removed.map((r) => r.email) };
}

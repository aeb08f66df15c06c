import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { invitationIdsSchema, type InvitationIdsInput } from "@/lib/validation/invitations";
import { parseInput } from "@/lib/validation/parse";
import { loadOrgAccess } from "../organizations/org-access";
import { activityActor, jsonUuidList, lockOrgInvitations, type InvitationCtx } from "./invite-context";

/** Removes pending invitations: their links stop working at once. Others are skipped. */
export async function removeInvitations(actor: Actor, orgSlug: string, input: InvitationIdsInput, ctx: InvitationCtx = {}) {
  const { ids } = parseInput(invitationIdsSchema, input);
  const unique = [...new Set(ids)];
  const now = (ctx.now ?? new Date()).toISOString();
  const a = activityActor(actor);
  const removed = await db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage", tx);
    await lockOrgInvitations(tx, org.id);
    // One statement for any number of rows: the update and one activity entry per invitation.
    const result = await tx.execute(sql`
      with upd as (
        update invitations set status = 'revoked', revoked_at = ${now}::timestamptz
        where org_id = ${org.id}::uuid and status = 'pending' and id in ${jsonUuidList(unique)}
        returning id, email
      ),
      act as (
        insert into activity (org_id, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, ip)
        select ${org.id}::uuid, ${a.type}, ${a.id}, ${a.label}, 'invitation.removed', 'invitation', id::text, email, ${a.ip}
        from upd
      )
      select id, email from upd`);
    return (result as unknown as { rows: Array<{ id: string; email: string }> }).rows;
  });
  return { removed: removed.length, skipped: unique.length - removed.length, emails: removed.map((r) => r.email) };
}

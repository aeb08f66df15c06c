import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { invitationIdsSchema, type InvitationIdsInput } from "@/lib/validation/invitations";
import { parseInput } from "@/lib/validation/parse";
import { loadOrgAccess } from "../organizations/org-access";
import { jsonUuidList, lockOrgInvitations, prepareSend, type InvitationCtx } from "./invite-context";
import { consumeInviteBudget } from "./invite-limiter";
import { reissueInvitations } from "./send-links";

/**
 * Sends pending invitations again (expired ones too): each gets a new link and a fresh 7 days,
 * and its earlier links stop working. Invitations that are no longer pending are skipped.
 */
export async function resendInvitations(actor: Actor, orgSlug: string, input: InvitationIdsInput, ctx: InvitationCtx = {}) {
  const { ids } = parseInput(invitationIdsSchema, input);
  const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage");
  const unique = [...new Set(ids)];
  await consumeInviteBudget(org.id, unique.length, actor);
  const send = await prepareSend(actor, org, ctx, { source: "resend" });
  const resent = await db().transaction(async (tx) => {
    await loadOrgAccess(actor, orgSlug, "invitations.manage", tx);
    await lockOrgInvitations(tx, org.id);
    const pending = await tx
      .select({ id: t.invitations.id, email: t.invitations.email })
      .from(t.invitations)
      .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.status, "pending"), inArray(t.invitations.id, jsonUuidList(unique))));
    return reissueInvitations(tx, send, pending);
  });
  return { resent: resent.length, skipped: unique.length - resent.length, emails: resent.map((r) => r.email) };
}

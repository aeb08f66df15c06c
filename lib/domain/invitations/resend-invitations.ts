import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { invitationIdsSchema, type InvitationIdsInput } from "@/lib/validation/invitations";
import { parseInput } from "@/lib/validation/parse";
import { loadOrgAccess } from "../organizations/org-access";
import { jsonUuidList, lockOrgInvitations, prepareSend, type InvitationCtx } from "./invite-context";
import { consumeInviteBudget } from "./invite-limiter";
import { holdsSeat, lockSeatBudget } from "./seat-budget";
import { reissueInvitations } from "./send-links";

/**
 * Sends pending invitations again (expired ones too): each gets a new link and a fresh 7 days,
 * and its earlier links stop working. Invitations that are no longer pending are skipped. An
 * expired one that came with a seat no longer holds it: it reserves one again if one is free,
 * and is otherwise sent without a seat (listed in `withoutSeat`).
 */
export async function resendInvitations(actor: Actor, orgSlug: string, input: InvitationIdsInput, ctx: InvitationCtx = {}) {
  const { ids } = parseInput(invitationIdsSchema, input);
  const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage");
  const unique = [...new Set(ids)];
  await consumeInviteBudget(org.id, unique.length, actor);
  const send = await prepareSend(actor, org, ctx, { source: "resend" });
  const { resent, withoutSeat } = await db().transaction(async (tx) => {
    await loadOrgAccess(actor, orgSlug, "invitations.manage", tx);
    await lockOrgInvitations(tx, org.id);
    const pending = await tx
      .select({
        id: t.invitations.id,
        email: t.invitations.email,
        role: t.invitations.role,
        withSeat: t.invitations.withSeat,
        expiresAt: t.invitations.expiresAt,
      })
      .from(t.invitations)
      .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.status, "pending"), inArray(t.invitations.id, jsonUuidList(unique))));
    const lapsed = pending.filter((p) => p.withSeat && !holdsSeat(p, send.now));
    const seats = lapsed.length > 0 ? await lockSeatBudget(tx, org.id, send.now) : null;
    const again = new Set(lapsed.filter(() => seats!.take()).map((p) => p.id));
    const offers = pending.map((p) => ({ id: p.id, role: p.role, withSeat: p.withSeat && (holdsSeat(p, send.now) || again.has(p.id)) }));
    const lost = new Set(lapsed.filter((p) => !again.has(p.id)).map((p) => p.id));
    const sent = await reissueInvitations(tx, send, offers);
    return { resent: sent, withoutSeat: sent.filter((r) => lost.has(r.id)).map((r) => r.email) };
  });
  return {
    resent: resent.length,
    skipped: unique.length - resent.length,
    emails: resent.map((r) => r.email),
    withoutSeat,
  };
}

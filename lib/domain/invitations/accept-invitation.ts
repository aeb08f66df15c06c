import { and, eq, ne } from "drizzle-orm";
import { db, t } from "@/db";
import InvitationAcceptedEmail, { invitationAcceptedSubject } from "@/emails/invitation-accepted";
import type { Actor } from "@/lib/authz/actor";
import { appUrl } from "@/lib/config";
import { enqueueEmails } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { recordActivities } from "../activity/record-activity";
import { lockSubscription } from "../seats/seat-usage";
import { markVerifiedByInvitation } from "../account/verify-email";
import { requireUser } from "../users/require-user";
import { findInvitationByToken } from "./find-invitation";
import type { InvitationCtx } from "./invite-context";
import { linkMessage } from "./link-messages";
import { holdsSeat } from "./seat-budget";

/**
 * The invited person joins the org with the invitation's role, and its seat if it came with one
 * (the reservation becomes the assignment, in the transaction that creates the membership).
 * Only an account with the invited address may accept. Accepting twice (double click, retry) is
 * one membership: the second call finds the invitation accepted by the same account and just
 * answers where to go.
 */
export async function acceptInvitation(actor: Actor, token: string, ctx: InvitationCtx = {}) {
  const { userId } = requireUser(actor);
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    // A seat is handed out under the subscription lock, taken before the invitation's row lock:
    // inviting takes them in that order too, so the two never wait on each other in a circle.
    const peek = await findInvitationByToken(token, { now }, tx);
    if (peek.state === "valid" && peek.invitation.withSeat) await lockSubscription(tx, peek.org.id);
    // FOR UPDATE: of two concurrent accepts, the second waits and then sees "used".
    const found = await findInvitationByToken(token, { now }, tx, true);
    if (found.state === "not_found") {
      throw new AppError("not_found", linkMessage("not_found").detail, undefined, "invitation_not_found");
    }
    const { invitation, org } = found;
    if (found.state === "used" && invitation.acceptedBy === userId) return { orgSlug: org.slug, joined: false };
    if (found.state !== "valid") {
      const { title, detail } = linkMessage(found.state, org.name);
      throw new AppError("conflict", `${title}. ${detail}`, undefined, `invitation_${found.state}`);
    }

    const [me] = await tx.select({ email: t.users.email, name: t.users.name }).from(t.users).where(eq(t.users.id, userId)).limit(1);
    if (!me?.email || me.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new AppError(
        "forbidden",
        `This invitation is for ${invitation.email}, but you are signed in as ${me?.email ?? "another account"}. Sign out, then sign in or sign up with ${invitation.email}.`,
        undefined,
        "invitation_other_account",
      );
    }

    // The invitation reached this address: that verifies it.
    await markVerifiedByInvitation(tx, userId, now);
    const [membership] = await tx
      .insert(t.memberships)
      .values({ orgId: org.id, userId, role: invitation.role, seatAssignedAt: holdsSeat(invitation, now) ? now : null })
      .onConflictDoNothing()
      .returning({ id: t.memberships.id, seatAssignedAt: t.memberships.seatAssignedAt });
    await tx
      .update(t.invitations)
      .set({ status: "accepted", acceptedAt: now, acceptedBy: userId })
      .where(eq(t.invitations.id, invitation.id));
    const seated = !!membership?.seatAssignedAt;
    await recordActivities(tx, actor, [
      {
        orgId: org.id,
        action: "invitation.accepted",
        target: { type: "invitation", id: invitation.id, label: invitation.email },
        metadata: { userId, joined: !!membership, invitedBy: invitation.invitedByLabel, role: invitation.role, seat: seated },
      },
      ...(seated ? [{ orgId: org.id, action: "seat.assigned" as const, target: { type: "user", id: userId, label: me.email } }] : []),
    ]);

    const admins = await tx
      .select({ email: t.users.email })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.role, "admin"), ne(t.memberships.userId, userId)));
    const recipients = admins.flatMap((a) => (a.email ? [a.email] : []));
    if (recipients.length > 0) {
      const props = {
        orgName: org.name,
        memberName: me.name,
        memberEmail: me.email,
        usersUrl: `${appUrl()}/organizations/${org.slug}/users`,
      };
      const message = await renderEmail("invitation-accepted", invitationAcceptedSubject(props), InvitationAcceptedEmail(props));
      await enqueueEmails(
        tx,
        recipients.map((to) => ({ ...message, to })),
      );
    }
    return { orgSlug: org.slug, joined: !!membership, seat: seated };
  });
}

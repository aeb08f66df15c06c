import { and, eq, inArray } from "drizzle-orm";
import { t, type Tx } from "@/db";
import type { Organization } from "@/db/schema";
import { findOrgByVerifiedDomain } from "../domains/find-org-by-verified-domain";
import { lockOrgInvitations, type SendContext } from "../invitations/invite-context";
import { holdsSeat } from "../invitations/seat-budget";
import { createInvitations, reissueInvitations } from "../invitations/send-links";

/**
 * Whether the org has proven it controls the domain of this address (a verified domain, Org
 * Profile -> Domains): then its people may be added without an invitation.
 */
export async function isVerifiedDomainOf(tx: Tx, org: Pick<Organization, "id">, email: string): Promise<boolean> {
  const owner = await findOrgByVerifiedDomain(email, tx);
  return owner?.orgId === org.id;
}

export type InvitedAnswer = {
  invited: true;
  email: string;
  first_name: string | null;
  last_name: string | null;
  invitation_id: string;
  expires_at: string;
};

/**
 * An existing account asked to be added gets an invitation (or its pending one again, with a
 * fresh link): it joins only by accepting from the mailbox of that address.
 */
export async function inviteInstead(
  tx: Tx,
  send: SendContext | null,
  org: Pick<Organization, "id">,
  email: string,
  names: { firstName: string | null; lastName: string | null },
): Promise<InvitedAnswer> {
  if (!send) throw new Error("An invitation needs a prepared send.");
  await lockOrgInvitations(tx, org.id);
  const [pending] = await tx
    .select({ id: t.invitations.id, role: t.invitations.role, withSeat: t.invitations.withSeat, expiresAt: t.invitations.expiresAt })
    .from(t.invitations)
    .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.email, email), eq(t.invitations.status, "pending")))
    .limit(1);
  // A pending invitation keeps its role, and its seat while it still holds one (reserving a
  // seat again would need the subscription lock); a new one is a Member's, without a seat.
  const [sent] = pending
    ? await reissueInvitations(tx, send, [{ id: pending.id, role: pending.role, withSeat: holdsSeat(pending, send.now) }])
    : await createInvitations(tx, send, [{ email, role: "member", withSeat: false }]);
  return {
    invited: true,
    email,
    first_name: names.firstName,
    last_name: names.lastName,
    invitation_id: sent.id,
    expires_at: send.expiresAt.toISOString(),
  };
}

/** Onboarding's version: every listed existing account that is not a member yet is invited (or re-sent its pending invitation). */
export async function inviteExistingAccounts(tx: Tx, send: SendContext, org: Pick<Organization, "id">, emails: string[]) {
  if (emails.length === 0) return [];
  await lockOrgInvitations(tx, org.id);
  const members = await tx
    .select({ email: t.users.email })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(and(eq(t.memberships.orgId, org.id), inArray(t.users.email, emails)));
  const memberSet = new Set(members.map((m) => m.email));
  const candidates = emails.filter((e) => !memberSet.has(e));
  if (candidates.length === 0) return [];
  const pending = await tx
    .select({
      id: t.invitations.id,
      email: t.invitations.email,
      role: t.invitations.role,
      withSeat: t.invitations.withSeat,
      expiresAt: t.invitations.expiresAt,
    })
    .from(t.invitations)
    .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.status, "pending"), inArray(t.invitations.email, candidates)));
  const pendingSet = new Set(pending.map((p) => p.email));
  return [
    ...(await createInvitations(
      tx,
      send,
      candidates.filter((e) => !pendingSet.has(e)).map((email) => ({ email, role: "member" as const, withSeat: false })),
    )),
    ...(await reissueInvitations(
      tx,
      send,
      pending.map((p) => ({ id: p.id, role: p.role, withSeat: holdsSeat(p, send.now) })),
    )),
  ];
}

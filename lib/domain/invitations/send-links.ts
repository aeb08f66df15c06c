import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { enqueueEmails } from "@/lib/email/outbox";
import type { ActivityAction } from "@/lib/validation/activity";
import { recordActivities } from "../activity/record-activity";
import type { Role } from "@/db/schema";
import { EMAIL_PLACEHOLDER, invitationOffer, OFFER_PLACEHOLDER, TOKEN_PLACEHOLDER } from "./invitation-email";
import { newInvitationToken } from "./invitation-token";
import type { SendContext } from "./invite-context";

/** What an invitation offers: the role the person joins with, and whether a seat comes with it. */
export type Offer = { role: Role; withSeat: boolean };
type Sent = { id: string; email: string } & Offer;
type Written = { id: string; email: string; role: Role; with_seat: boolean; token_hash: string };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

// The invitation rows and their links are written by one statement for all recipients (one
// round trip for 10,000 rows, passed as one JSON parameter rather than tens of thousands of
// bind parameters); the emails and activity entries then go through their own bulk writers.
async function deliver(tx: Tx, ctx: SendContext, written: Written[], tokens: Map<string, string>, action: ActivityAction) {
  await enqueueEmails(tx, {
    message: ctx.message,
    recipients: written.map((w) => ({
      to: w.email,
      fill: {
        [TOKEN_PLACEHOLDER]: tokens.get(w.token_hash)!,
        [EMAIL_PLACEHOLDER]: w.email,
        [OFFER_PLACEHOLDER]: invitationOffer(w.role, w.with_seat),
      },
    })),
  });
  await recordActivities(
    tx,
    ctx.actor,
    written.map((w) => ({
      orgId: ctx.orgId,
      action,
      target: { type: "invitation", id: w.id, label: w.email },
      metadata: { ...ctx.metadata, role: w.role, seat: w.with_seat },
    })),
  );
  return written.map((w) => ({ id: w.id, email: w.email, role: w.role, withSeat: w.with_seat }));
}

const withTokens = <T>(items: T[]) =>
  items.map((item) => {
    const { token, hash } = newInvitationToken();
    return { item, token, hash };
  });

/** Creates pending invitations for new addresses; an address that is pending already is left out. */
export async function createInvitations(tx: Tx, ctx: SendContext, items: Array<{ email: string } & Offer>): Promise<Sent[]> {
  if (items.length === 0) return [];
  const input = withTokens(items);
  const now = ctx.now.toISOString();
  const written = rowsOf<Written>(
    await tx.execute(sql`
      with input as (
        select * from json_to_recordset(${JSON.stringify(input.map(({ item, hash }) => ({ e: item.email, th: hash, r: item.role, s: item.withSeat })))}::json)
          as x(e text, th text, r member_role, s boolean)
      ),
      ins as (
        insert into invitations (org_id, email, token_hash, role, with_seat, invited_by, invited_by_label, created_at, sent_at, expires_at)
        select ${ctx.orgId}::uuid, e, th, r, s, ${ctx.inviter.id}::uuid, ${ctx.inviter.label},
          ${now}::timestamptz, ${now}::timestamptz, ${ctx.expiresAt.toISOString()}::timestamptz
        from input
        on conflict do nothing
        returning id, email, role, with_seat, token_hash
      ),
      links as (
        insert into invitation_links (token_hash, invitation_id, created_at)
        select token_hash, id, ${now}::timestamptz from ins
      )
      select id, email, role, with_seat, token_hash from ins`),
  );
  return deliver(tx, ctx, written, new Map(input.map((i) => [i.hash, i.token])), "invitation.created");
}

/**
 * Gives pending invitations a new link and a fresh expiry (and the role and seat given, which
 * the caller has checked against the free seats); their earlier links stop working.
 */
export async function reissueInvitations(tx: Tx, ctx: SendContext, invitations: Array<{ id: string } & Offer>): Promise<Sent[]> {
  if (invitations.length === 0) return [];
  const input = withTokens(invitations);
  const now = ctx.now.toISOString();
  const written = rowsOf<Written>(
    await tx.execute(sql`
      with input as (
        select * from json_to_recordset(${JSON.stringify(input.map(({ item, hash }) => ({ id: item.id, th: hash, r: item.role, s: item.withSeat })))}::json)
          as x(id uuid, th text, r member_role, s boolean)
      ),
      upd as (
        update invitations i
        set token_hash = input.th, role = input.r, with_seat = input.s,
          sent_at = ${now}::timestamptz, expires_at = ${ctx.expiresAt.toISOString()}::timestamptz
        from input
        where i.id = input.id and i.org_id = ${ctx.orgId}::uuid and i.status = 'pending'
        returning i.id, i.email, i.role, i.with_seat, i.token_hash
      ),
      links as (
        insert into invitation_links (token_hash, invitation_id, created_at)
        select token_hash, id, ${now}::timestamptz from upd
      )
      select id, email, role, with_seat, token_hash from upd`),
  );
  return deliver(tx, ctx, written, new Map(input.map((i) => [i.hash, i.token])), "invitation.resent");
}

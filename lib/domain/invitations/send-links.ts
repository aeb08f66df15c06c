import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import type { RenderedEmail } from "@/lib/email/render";
import { wakeOutboxWorker } from "@/lib/email/wake";
import { activityActor } from "./invite-context";
import { EMAIL_PLACEHOLDER, escapeHtml, TOKEN_PLACEHOLDER } from "./invitation-email";
import { newInvitationToken } from "./invitation-token";

export type SendContext = {
  orgId: string;
  actor: Actor;
  inviter: { id: string | null; label: string };
  now: Date;
  expiresAt: Date;
  message: RenderedEmail;
  /** Stored with each activity entry (e.g. { source: "csv" }). */
  metadata?: Record<string, unknown>;
};

type Sent = { id: string; email: string };

const withTokens = <T extends { email: string }>(items: T[]) =>
  items.map((item) => {
    const { token, hash } = newInvitationToken();
    return { ...item, e: item.email, eh: escapeHtml(item.email), tk: token, th: hash };
  });

// Each statement below writes every table a send touches (the invitation, its link, the outbox
// message and the activity entry) for all recipients at once: one round trip for 10,000 rows,
// with the rows passed as one JSON parameter rather than tens of thousands of bind parameters.
const outboxAndActivity = (ctx: SendContext, source: string, action: string) => {
  const a = activityActor(ctx.actor);
  const now = ctx.now.toISOString();
  return sql`
    links as (
      insert into invitation_links (token_hash, invitation_id, created_at)
      select token_hash, id, ${now}::timestamptz from ${sql.raw(source)}
    ),
    mail as (
      insert into email_outbox ("to", subject, html, text, template)
      select s.email, ${ctx.message.subject},
        replace(replace(${ctx.message.html}, ${TOKEN_PLACEHOLDER}, input.tk), ${EMAIL_PLACEHOLDER}, input.eh),
        replace(replace(${ctx.message.text}, ${TOKEN_PLACEHOLDER}, input.tk), ${EMAIL_PLACEHOLDER}, input.e),
        ${ctx.message.template}
      from ${sql.raw(source)} s join input on input.th = s.token_hash
    ),
    act as (
      insert into activity (org_id, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, ip, metadata)
      select ${ctx.orgId}::uuid, ${a.type}, ${a.id}, ${a.label}, ${action}, 'invitation', s.id::text, s.email,
        ${a.ip}, ${JSON.stringify(ctx.metadata ?? {})}::jsonb
      from ${sql.raw(source)} s
    )`;
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Creates pending invitations for new addresses; an address that is pending already is left out. */
export async function createInvitations(tx: Tx, ctx: SendContext, emails: string[]): Promise<Sent[]> {
  if (emails.length === 0) return [];
  const input = withTokens(emails.map((email) => ({ email })));
  const result = await tx.execute(sql`
    with input as (
      select * from json_to_recordset(${JSON.stringify(input.map(({ e, eh, tk, th }) => ({ e, eh, tk, th })))}::json)
        as x(e text, eh text, tk text, th text)
    ),
    ins as (
      insert into invitations (org_id, email, token_hash, invited_by, invited_by_label, created_at, sent_at, expires_at)
      select ${ctx.orgId}::uuid, e, th, ${ctx.inviter.id}::uuid, ${ctx.inviter.label},
        ${ctx.now.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz, ${ctx.expiresAt.toISOString()}::timestamptz
      from input
      on conflict do nothing
      returning id, email, token_hash
    ),
    ${outboxAndActivity(ctx, "ins", "invitation.created")}
    select id, email from ins`);
  wakeOutboxWorker();
  return rowsOf<Sent>(result);
}

/** Gives pending invitations a new link and a fresh expiry; their earlier links stop working. */
export async function reissueInvitations(tx: Tx, ctx: SendContext, invitations: Sent[]): Promise<Sent[]> {
  if (invitations.length === 0) return [];
  const input = withTokens(invitations);
  const result = await tx.execute(sql`
    with input as (
      select * from json_to_recordset(${JSON.stringify(input.map(({ id, e, eh, tk, th }) => ({ id, e, eh, tk, th })))}::json)
        as x(id uuid, e text, eh text, tk text, th text)
    ),
    upd as (
      update invitations i
      set token_hash = input.th, sent_at = ${ctx.now.toISOString()}::timestamptz, expires_at = ${ctx.expiresAt.toISOString()}::timestamptz
      from input
      where i.id = input.id and i.org_id = ${ctx.orgId}::uuid and i.status = 'pending'
      returning i.id, i.email, i.token_hash
    ),
    ${outboxAndActivity(ctx, "upd", "invitation.resent")}
    select id, email from upd`);
  wakeOutboxWorker();
  return rowsOf<Sent>(result);
}

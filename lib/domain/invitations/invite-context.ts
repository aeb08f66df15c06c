import { eq, sql } from "drizzle-orm";
import { db, t, type Tx } from "@/db";
import type { Organization } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { INVITATION_VALID_DAYS } from "@/lib/validation/invitations";
import type { RenderedEmail } from "@/lib/email/render";
import { renderInvitationTemplate } from "./invitation-email";

/** What a send needs that does not depend on the recipients. */
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

/** Every invitation use case takes an injectable clock, so expiry is tested without waiting. */
export type InvitationCtx = { now?: Date };

export const expiryFrom = (now: Date) => new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);

/** Who the invitation email and the table name as the sender. */
async function inviterOf(actor: Actor): Promise<SendContext["inviter"]> {
  if (actor.kind === "user") {
    const [user] = await db().select({ name: t.users.name }).from(t.users).where(eq(t.users.id, actor.userId)).limit(1);
    return { id: actor.userId, label: user?.name || actor.label };
  }
  return { id: null, label: actor.kind === "service_account" ? actor.label : "Org Portal" };
}

/** Everything a send needs that does not depend on the recipients: rendered once per request. */
export async function prepareSend(
  actor: Actor,
  org: Organization,
  ctx: InvitationCtx,
  metadata?: Record<string, unknown>,
): Promise<SendContext> {
  const now = ctx.now ?? new Date();
  const expiresAt = expiryFrom(now);
  const inviter = await inviterOf(actor);
  const message = await renderInvitationTemplate({ orgName: org.name, inviterName: inviter.label, expiresAt });
  return { orgId: org.id, actor, inviter, now, expiresAt, message, metadata };
}

/**
 * Serialises the invitation writes of one org: a second request for the same address waits,
 * then finds the first one's pending invitation and resends it instead of failing.
 */
export async function lockOrgInvitations(tx: Tx, orgId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`invitations:${orgId}`}, 0))`);
}

/** A list of strings as one JSON parameter, for `in (select value from json_array_elements_text(...))`. */
export const jsonList = (values: string[]) => sql`(select value from json_array_elements_text(${JSON.stringify(values)}::json))`;

/** The same for ids (already validated as UUIDs), so the primary key index can be used. */
export const jsonUuidList = (values: string[]) => sql`(select value::uuid from json_array_elements_text(${JSON.stringify(values)}::json))`;

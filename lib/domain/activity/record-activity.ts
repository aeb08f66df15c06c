import { sql } from "drizzle-orm";
import { t, type Tx } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import type { ActivityAction } from "@/lib/validation/activity";
import { enqueueWebhookEvents } from "../webhooks/enqueue-events";

export type ActivityInput = {
  orgId?: string | null;
  action: ActivityAction;
  target?: { type: string; id: string; label?: string | null };
  metadata?: Record<string, unknown>;
};

// Up to this many entries go through a plain insert; beyond it the bind parameters (ten per
// row) would pass PostgreSQL's limit of 65,535, and one JSON parameter is faster anyway.
const PLAIN_INSERT_MAX = 200;

/** Records one entry in the same transaction as the change it describes. */
export async function recordActivity(tx: Tx, actor: Actor, input: ActivityInput) {
  await recordActivities(tx, actor, [input]);
}

/**
 * Records many entries in one statement, in the caller's transaction (bulk actions: one entry
 * per person or invitation touched). This is the only writer of the activity table, and so also
 * where webhook deliveries are enqueued: every change an org's other systems may hear about
 * records activity, so one hook here covers them all, in the same transaction.
 */
export async function recordActivities(tx: Tx, actor: Actor, inputs: ActivityInput[]) {
  if (inputs.length === 0) return;
  await enqueueWebhookEvents(tx, actor, inputs);
  const who = actorColumns(actor);
  if (inputs.length <= PLAIN_INSERT_MAX) {
    await tx.insert(t.activity).values(
      inputs.map((input) => ({
        ...who,
        orgId: input.orgId ?? null,
        action: input.action,
        targetType: input.target?.type ?? null,
        targetId: input.target?.id ?? null,
        targetLabel: input.target?.label ?? null,
        metadata: input.metadata ?? null,
      })),
    );
    return;
  }
  // Set-based: every entry travels in one JSON parameter and is unpacked by the database.
  const rows = inputs.map((input) => ({
    o: input.orgId ?? null,
    a: input.action,
    tt: input.target?.type ?? null,
    ti: input.target?.id ?? null,
    tl: input.target?.label ?? null,
    m: input.metadata ?? null,
  }));
  await tx.execute(sql`
    insert into activity (org_id, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, ip, metadata)
    select x.o, ${who.actorType}, ${who.actorId}, ${who.actorLabel}, x.a, x.tt, x.ti, x.tl, ${who.ip}, x.m
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(o uuid, a text, tt text, ti text, tl text, m jsonb)`);
}

function actorColumns(actor: Actor) {
  return {
    actorType: actor.kind === "anonymous" ? "system" : actor.kind,
    // A SCIM actor is the org's identity provider: its label ("SCIM") is all there is to say.
    actorId: actor.kind === "user" ? actor.userId : actor.kind === "service_account" ? actor.serviceAccountId : null,
    actorLabel: actor.kind === "anonymous" ? null : actor.label,
    ip: actor.ip ?? null,
  };
}

import { t, type Tx } from "@/db";
import type { Actor } from "@/lib/authz/actor";

export type ActivityInput = {
  orgId?: string | null;
  action: string;
  target?: { type: string; id: string; label?: string | null };
  metadata?: Record<string, unknown>;
};

/** Records one entry in the same transaction as the change it describes. */
export async function recordActivity(tx: Tx, actor: Actor, input: ActivityInput) {
  await tx.insert(t.activity).values({
    orgId: input.orgId ?? null,
    actorType: actor.kind === "anonymous" ? "system" : actor.kind,
    actorId: actor.kind === "user" ? actor.userId : actor.kind === "service_account" ? actor.serviceAccountId : null,
    actorLabel: actor.kind === "anonymous" ? null : actor.label,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    targetLabel: input.target?.label ?? null,
    ip: actor.ip ?? null,
    metadata: input.metadata ?? null,
  });
}

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
  await recordActivities(tx, actor, [input]);
}

/** Records many entries with one statement (bulk actions: one entry per user touched). */
export async function recordActivities(tx: Tx, actor: Actor, inputs: ActivityInput[]) {
  if (inputs.length === 0) return;
  const actorType = actor.kind === "anonymous" ? "system" : actor.kind;
  const actorId = actor.kind === "user" ? actor.userId : actor.kind === "service_account" ? actor.serviceAccountId : null;
  const actorLabel = actor.kind === "anonymous" ? null : actor.label;
  await tx.insert(t.activity).values(
    inputs.map((input) => ({
      orgId: input.orgId ?? null,
      actorType,
      actorId,
      actorLabel,
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      targetLabel: input.target?.label ?? null,
      ip: actor.ip ?? null,
      metadata: input.metadata ?? null,
    })),
  );
}

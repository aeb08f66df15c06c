import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { updateWebhookSchema } from "@/lib/validation/webhooks";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { assertSafeUrl } from "./create-endpoint";
import { loadEndpoint, toEndpointJson } from "./load-endpoint";

/** Changes an endpoint's URL, events, description, or turns it on or off (the secret stays). */
export async function updateWebhookEndpoint(actor: Actor, orgSlug: string, id: string, input: unknown) {
  const changes = parseInput(updateWebhookSchema, input);
  await loadOrgAccess(actor, orgSlug, "webhooks.manage");
  if (changes.url !== undefined) await assertSafeUrl(changes.url);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", tx);
    const before = await loadEndpoint(tx, org.id, id, { forUpdate: true });
    const enabled = changes.enabled ?? before.enabled;
    const turnedOn = enabled && !before.enabled;
    const [row] = await tx
      .update(t.webhookEndpoints)
      .set({
        url: changes.url ?? before.url,
        description: changes.description ?? before.description,
        eventTypes: changes.event_types ?? before.eventTypes,
        enabled,
        disabledReason: enabled ? null : before.enabled ? "manual" : before.disabledReason,
        // Turning an endpoint back on starts a new count: the old run of failures is forgiven.
        ...(turnedOn ? { consecutiveFailures: 0, failingSince: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(t.webhookEndpoints.id, before.id))
      .returning();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "webhook.updated",
      target: { type: "webhook", id: row.id, label: row.url },
      metadata: {
        url_changed: row.url !== before.url,
        event_types: row.eventTypes,
        enabled: row.enabled,
        ...(row.enabled !== before.enabled ? { was_enabled: before.enabled } : {}),
      },
    });
    return toEndpointJson(row);
  });
}

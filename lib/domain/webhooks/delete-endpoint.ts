import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { loadEndpoint } from "./load-endpoint";

/** Deletes an endpoint with its delivery log; pending deliveries go with it and are never sent. */
export async function deleteWebhookEndpoint(actor: Actor, orgSlug: string, id: string) {
  await db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", tx);
    const endpoint = await loadEndpoint(tx, org.id, id, { forUpdate: true });
    await tx.delete(t.webhookEndpoints).where(eq(t.webhookEndpoints.id, endpoint.id));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "webhook.deleted",
      target: { type: "webhook", id: endpoint.id, label: endpoint.url },
    });
  });
}

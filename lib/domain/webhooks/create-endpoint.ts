import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { createWebhookSchema } from "@/lib/validation/webhooks";
import { parseInput } from "@/lib/validation/parse";
import { checkWebhookUrl, UnsafeWebhookUrl } from "@/lib/webhooks/address-guard";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { toEndpointJson } from "./load-endpoint";
import { generateWebhookSecret, sealWebhookSecret } from "./secret";

// Enough for every integration an org runs; a bound keeps one org from fanning out without end.
export const MAX_ENDPOINTS_PER_ORG = 20;

/** Refuses a URL the server must not call (checked again before every send). */
export async function assertSafeUrl(url: string) {
  try {
    await checkWebhookUrl(url);
  } catch (err) {
    if (err instanceof UnsafeWebhookUrl) throw new AppError("validation", err.message, { url: err.message }, "unsafe_url");
    throw err;
  }
}

/** Adds an endpoint; the answer carries its whsec_ secret, which is never shown again. */
export async function createWebhookEndpoint(actor: Actor, orgSlug: string, input: unknown) {
  const { url, event_types, description } = parseInput(createWebhookSchema, input);
  await loadOrgAccess(actor, orgSlug, "webhooks.manage");
  await assertSafeUrl(url);
  const secret = generateWebhookSecret();
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "webhooks.manage", tx);
    const existing = await tx.$count(t.webhookEndpoints, eq(t.webhookEndpoints.orgId, org.id));
    if (existing >= MAX_ENDPOINTS_PER_ORG)
      throw new AppError(
        "conflict",
        `An organization has at most ${MAX_ENDPOINTS_PER_ORG} webhook endpoints.`,
        undefined,
        "too_many_webhooks",
      );
    const [row] = await tx
      .insert(t.webhookEndpoints)
      .values({
        orgId: org.id,
        url,
        description,
        eventTypes: event_types,
        secretSealed: sealWebhookSecret(secret),
        createdBy: actor.kind === "user" ? actor.userId : null,
      })
      .returning();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "webhook.created",
      target: { type: "webhook", id: row.id, label: url },
      metadata: { event_types },
    });
    return { ...toEndpointJson(row), secret };
  });
}

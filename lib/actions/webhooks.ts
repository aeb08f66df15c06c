"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { createWebhookEndpoint } from "@/lib/domain/webhooks/create-endpoint";
import { deleteWebhookEndpoint } from "@/lib/domain/webhooks/delete-endpoint";
import { redeliverWebhook, sendTestWebhookEvent } from "@/lib/domain/webhooks/send-test-event";
import { updateWebhookEndpoint } from "@/lib/domain/webhooks/update-endpoint";

const profile = (orgId: string) => `/organizations/${orgId}/profile`;

/** The answer carries the whsec_ secret, for the one time the form shows it. */
export async function createWebhookAction(orgId: string, input: unknown) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const created = await createWebhookEndpoint(actor, orgId, input);
    revalidatePath(profile(orgId));
    return created;
  });
}

export async function updateWebhookAction(orgId: string, id: string, input: unknown) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const updated = await updateWebhookEndpoint(actor, orgId, id, input);
    revalidatePath(profile(orgId));
    return updated;
  });
}

export async function deleteWebhookAction(orgId: string, id: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    await deleteWebhookEndpoint(actor, orgId, id);
    revalidatePath(profile(orgId));
    return null;
  });
}

export async function sendTestWebhookAction(orgId: string, id: string) {
  const actor = await requireSessionUser();
  return toActionResult(() => sendTestWebhookEvent(actor, orgId, id));
}

export async function redeliverWebhookAction(orgId: string, id: string, deliveryId: string) {
  const actor = await requireSessionUser();
  return toActionResult(() => redeliverWebhook(actor, orgId, id, deliveryId));
}

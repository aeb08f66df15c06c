"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { purchaseSubscription } from "@/lib/domain/subscriptions/purchase-subscription";
import { renewSubscription } from "@/lib/domain/subscriptions/renew-subscription";
import { updateSubscription } from "@/lib/domain/subscriptions/update-subscription";
import type { SubscriptionFormInput } from "@/lib/validation/subscriptions";

const done = (orgId: string, message: string) => {
  revalidatePath(`/organizations/${orgId}/subscription`);
  return { message };
};

export async function purchaseSubscriptionAction(orgId: string, input: SubscriptionFormInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => done(orgId, (await purchaseSubscription(actor, orgId, input)).message));
}

export async function updateSubscriptionAction(orgId: string, input: SubscriptionFormInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => done(orgId, (await updateSubscription(actor, orgId, input)).message));
}

export async function renewSubscriptionAction(orgId: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => done(orgId, (await renewSubscription(actor, orgId)).message));
}

"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { grantSubscription } from "@/lib/domain/instance/grant-subscription";
import { disableAccount, enableAccount } from "@/lib/domain/instance/set-account-disabled";
import { updateInstanceSettings } from "@/lib/domain/instance/update-instance-settings";
import type { GrantSubscriptionInput, InstanceSettingsInput } from "@/lib/validation/instance";

// Thin adapters: every permission check happens in the use case (instance admins only).

export async function updateInstanceSettingsAction(input: InstanceSettingsInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const { changed } = await updateInstanceSettings(actor, input);
    revalidatePath("/admin", "layout");
    return { message: changed ? "Instance settings saved." : "No changes to save." };
  });
}

export async function grantSubscriptionAction(orgSlug: string, input: GrantSubscriptionInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const { message } = await grantSubscription(actor, orgSlug, input);
    revalidatePath("/admin", "layout");
    return { message };
  });
}

export async function setAccountDisabledAction(userId: string, disabled: boolean) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    await (disabled ? disableAccount(actor, userId) : enableAccount(actor, userId));
    revalidatePath("/admin", "layout");
    return { message: disabled ? "Account disabled. Its sessions and tokens stopped working." : "Account enabled." };
  });
}

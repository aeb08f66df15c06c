"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { setTwoFactorPolicy } from "@/lib/domain/settings/set-two-factor-policy";

export async function setTwoFactorPolicyAction(orgId: string, required: boolean) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const done = await setTwoFactorPolicy(actor, orgId, { required });
    revalidatePath(`/organizations/${orgId}`, "layout");
    return done;
  });
}

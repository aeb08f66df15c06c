"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import { deleteServiceAccount } from "@/lib/domain/service-accounts/delete-service-account";

export async function createServiceAccountAction(orgId: string, input: { name: string }) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const created = await createServiceAccount(actor, orgId, input);
    revalidatePath(`/organizations/${orgId}/service-accounts`);
    return created;
  });
}

export async function deleteServiceAccountAction(orgId: string, clientId: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    await deleteServiceAccount(actor, orgId, clientId);
    revalidatePath(`/organizations/${orgId}/service-accounts`);
    return null;
  });
}

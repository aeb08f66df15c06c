"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { generateScimToken, revokeScimToken } from "@/lib/domain/scim/scim-token";

/** Generate SCIM Token: the token comes back once, for the section to show; only its hash is kept. */
export async function generateScimTokenAction(orgId: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const created = await generateScimToken(actor, orgId);
    revalidatePath(`/organizations/${orgId}/profile`);
    return created;
  });
}

export async function revokeScimTokenAction(orgId: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    await revokeScimToken(actor, orgId);
    revalidatePath(`/organizations/${orgId}/profile`);
    return null;
  });
}

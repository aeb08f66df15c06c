"use server";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { createOrganization, isOrgIdAvailable } from "@/lib/domain/organizations/create-organization";
import type { CreateOrganizationInput } from "@/lib/validation/organizations";
import { orgIdSchema } from "@/lib/validation/organizations";

export async function createOrganizationAction(input: CreateOrganizationInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const org = await createOrganization(actor, input);
    return { orgId: org.slug };
  });
}

/** The live check under the Organization ID field: format first, then availability. */
export async function checkOrgIdAction(orgId: string): Promise<{ available: boolean; message: string }> {
  await requireSessionUser();
  const parsed = orgIdSchema.safeParse(orgId);
  if (!parsed.success) return { available: false, message: parsed.error.issues[0].message };
  return (await isOrgIdAvailable(parsed.data))
    ? { available: true, message: `${parsed.data} is available.` }
    : { available: false, message: "This Organization ID is already taken. Choose another." };
}

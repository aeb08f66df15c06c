"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { renameOrganization } from "@/lib/domain/organizations/rename-organization";

export async function renameOrganizationAction(orgId: string, input: { name: string }) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const org = await renameOrganization(actor, orgId, input);
    revalidatePath(`/organizations/${org.slug}`, "layout");
    return { name: org.name };
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { describeChanges, updateOrgSettings } from "@/lib/domain/settings/update-org-settings";
import type { UpdateOrgSettingsInput } from "@/lib/validation/settings";

/** Org Profile's Save Changes: name and settings in one go; says what changed. */
export async function saveOrgProfileAction(orgId: string, input: UpdateOrgSettingsInput) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const { org, changes } = await updateOrgSettings(actor, orgId, input);
    // The name shows in the navigation, the org list and every page title: refresh them all.
    if (changes.length) revalidatePath("/", "layout");
    return {
      name: org.name,
      cloudStorage: org.cloudStorage,
      cloudNotebooks: org.cloudNotebooks,
      changed: changes.length,
      message: describeChanges(changes),
    };
  });
}

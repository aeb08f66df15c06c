"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { createGroup } from "@/lib/domain/groups/create-group";
import { deleteGroup } from "@/lib/domain/groups/delete-group";
import { addGroupMembers, removeGroupMembers } from "@/lib/domain/groups/group-members";

export async function createGroupAction(orgId: string, input: unknown) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const created = await createGroup(actor, orgId, input);
    revalidatePath(`/organizations/${orgId}/groups`);
    return created;
  });
}

export async function deleteGroupAction(orgId: string, groupId: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    await deleteGroup(actor, orgId, groupId);
    revalidatePath(`/organizations/${orgId}/groups`);
    return null;
  });
}

export async function addGroupMembersAction(orgId: string, groupId: string, userIds: string[]) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const result = await addGroupMembers(actor, orgId, groupId, { user_ids: userIds });
    revalidatePath(`/organizations/${orgId}/groups/${groupId}`);
    return result;
  });
}

export async function removeGroupMembersAction(orgId: string, groupId: string, userIds: string[]) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const result = await removeGroupMembers(actor, orgId, groupId, { user_ids: userIds });
    revalidatePath(`/organizations/${orgId}/groups/${groupId}`);
    return result;
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { deleteChannel } from "@/lib/domain/channels/delete-channel";
import { updateChannel } from "@/lib/domain/channels/update-channel";
import { deletePackage } from "@/lib/domain/packages/delete-package";

export async function createChannelAction(orgId: string, input: unknown) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const created = await createChannel(actor, orgId, input);
    revalidatePath(`/organizations/${orgId}/channels`);
    return created;
  });
}

/** Description, access and groups of a channel (the update use case checks channels.manage). */
export async function updateChannelAction(orgId: string, channel: string, input: unknown) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const updated = await updateChannel(actor, orgId, channel, input);
    revalidatePath(`/organizations/${orgId}/channels`);
    revalidatePath(`/organizations/${orgId}/channels/${channel}`);
    return updated;
  });
}

export async function deleteChannelAction(orgId: string, channel: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    await deleteChannel(actor, orgId, channel);
    revalidatePath(`/organizations/${orgId}/channels`);
    return null;
  });
}

export async function deletePackageAction(orgId: string, target: { channel: string; subdir: string; filename: string }) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    await deletePackage(actor, orgId, target);
    revalidatePath(`/organizations/${orgId}/channels/${target.channel}`);
    return null;
  });
}

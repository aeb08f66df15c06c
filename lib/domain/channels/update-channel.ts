import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { updateChannelSchema } from "@/lib/validation/channels";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { assertOrgGroups, channelGroupIds, loadChannel } from "./load-channel";
import { toChannelJson } from "./channel-json";

/** Changes a channel's description, access and groups (the name stays: it is in every client's URL). */
export async function updateChannel(actor: Actor, orgSlug: string, channelName: string, input: unknown) {
  const changes = parseInput(updateChannelSchema, input);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "channels.manage", tx);
    const channel = await loadChannel(tx, org.id, channelName, { forUpdate: true });
    const access = changes.access ?? channel.access;
    const [updated] = await tx
      .update(t.channels)
      .set({ description: changes.description ?? channel.description, access })
      .where(eq(t.channels.id, channel.id))
      .returning();
    let groupIds = await channelGroupIds(tx, channel.id);
    if (changes.group_ids !== undefined) {
      groupIds = await assertOrgGroups(tx, org.id, changes.group_ids);
      await tx.delete(t.channelGroups).where(eq(t.channelGroups.channelId, channel.id));
      if (groupIds.length) await tx.insert(t.channelGroups).values(groupIds.map((groupId) => ({ channelId: channel.id, groupId, orgId: org.id })));
    }
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "channel.updated",
      target: { type: "channel", id: channel.id, label: channel.name },
      metadata: { access, group_ids: groupIds, description_changed: changes.description !== undefined && changes.description !== channel.description },
    });
    return toChannelJson(tx, updated);
  });
}

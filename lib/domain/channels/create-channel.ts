import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createChannelSchema } from "@/lib/validation/channels";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { assertOrgGroups } from "./load-channel";
import { toChannelJson } from "./channel-json";

const nameTaken = () =>
  new AppError("conflict", "A channel with this name already exists.", { name: "This organization already has a channel with this name." }, "duplicate_channel");

/** Admins and service accounts create a channel of their org. */
export async function createChannel(actor: Actor, orgSlug: string, input: unknown) {
  const { name, description, access, group_ids } = parseInput(createChannelSchema, input);
  try {
    return await db().transaction(async (tx) => {
      const { org } = await loadOrgAccess(actor, orgSlug, "channels.manage", tx);
      const groupIds = await assertOrgGroups(tx, org.id, access === "groups" ? group_ids : []);
      const [channel] = await tx
        .insert(t.channels)
        .values({ orgId: org.id, name, description, access, createdBy: actor.kind === "user" ? actor.userId : null })
        .onConflictDoNothing()
        .returning();
      if (!channel) throw nameTaken();
      if (groupIds.length) await tx.insert(t.channelGroups).values(groupIds.map((groupId) => ({ channelId: channel.id, groupId, orgId: org.id })));
      await recordActivity(tx, actor, {
        orgId: org.id,
        action: "channel.created",
        target: { type: "channel", id: channel.id, label: name },
        metadata: { access, group_ids: groupIds },
      });
      return toChannelJson(tx, channel);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

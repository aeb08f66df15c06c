import { db } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { forbidden } from "@/lib/errors";
import { loadOrgAccess } from "../organizations/org-access";
import { mayReadChannel } from "./channel-rule";
import { actorUserId, channelGroupIds, loadChannel, readerOf } from "./load-channel";
import { toChannelJson } from "./channel-json";

/**
 * One channel for a reader: 404 when it is not this org's; 403 when the caller may not read it
 * (no seat, or outside its groups), the same answers the download path gives.
 */
export async function getChannel(actor: Actor, orgSlug: string, channelName: string) {
  const q = db();
  const access = await loadOrgAccess(actor, orgSlug, "channels.read", q);
  const channel = await loadChannel(q, access.org.id, channelName);
  const reader = await readerOf(q, access, actorUserId(actor));
  if (!mayReadChannel(reader, { access: channel.access, groupIds: await channelGroupIds(q, channel.id) })) {
    throw forbidden(reader.seated ? "This channel is open to selected groups only." : "Reading channels needs a seat in this organization.");
  }
  return { access, channel, json: await toChannelJson(q, channel) };
}

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
  // Independent reads at once (a page's server time is mostly round trips); the JSON is
  // returned only after the rule has allowed it.
  const [reader, groupIds, json] = await Promise.all([readerOf(q, access, actorUserId(actor)), channelGroupIds(q, channel.id), toChannelJson(q, channel)]);
  if (!mayReadChannel(reader, { access: channel.access, groupIds })) {
    throw forbidden(reader.seated ? "This channel is open to selected groups only." : "Reading channels needs a seat in this organization.");
  }
  return { access, channel, json };
}

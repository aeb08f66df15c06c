import type { ChannelAccess, Role } from "@/db/schema";

/** Who reads: a member (role, seat, groups) or the org's service account (role null). */
export type ChannelReader = { role: Role | null; seated: boolean; groupIds: readonly string[] };

/**
 * THE channel rule, shared by the pages, the API and the download path: admins and the org's
 * service accounts read every channel of their org; anyone else needs a seat, and for a channel
 * with Selected groups also membership in one of its groups.
 */
export function mayReadChannel(reader: ChannelReader, channel: { access: ChannelAccess; groupIds: readonly string[] }): boolean {
  if (reader.role === null || reader.role === "admin") return true;
  if (!reader.seated) return false;
  if (channel.access === "all_seated") return true;
  return channel.groupIds.some((id) => reader.groupIds.includes(id));
}

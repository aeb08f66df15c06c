import { count, eq } from "drizzle-orm";
import { readTogether, t, type Queryable } from "@/db";
import type { Channel } from "@/db/schema";

/** A channel as the API and the pages show it. */
export async function toChannelJson(q: Queryable, channel: Channel) {
  const [groups, [{ n }]] = await readTogether(q, [
    () => q
      .select({ id: t.groups.id, name: t.groups.name })
      .from(t.channelGroups)
      .innerJoin(t.groups, eq(t.groups.id, t.channelGroups.groupId))
      .where(eq(t.channelGroups.channelId, channel.id))
      .orderBy(t.groups.name),
    () => q.select({ n: count() }).from(t.packages).where(eq(t.packages.channelId, channel.id)),
  ]);
  return {
    name: channel.name,
    description: channel.description,
    access: channel.access,
    groups,
    package_count: Number(n),
    created_at: channel.createdAt.toISOString(),
  };
}

export type ChannelJson = Awaited<ReturnType<typeof toChannelJson>>;

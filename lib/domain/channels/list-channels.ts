import { asc, count, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";
import { mayReadChannel } from "./channel-rule";
import { actorUserId, readerOf } from "./load-channel";

/** The org's channels the caller may read (admins and service accounts: all of them). */
export async function listChannels(actor: Actor, orgSlug: string) {
  const q = db();
  const access = await loadOrgAccess(actor, orgSlug, "channels.read", q);
  const reader = await readerOf(q, access, actorUserId(actor));
  const channels = await q.select().from(t.channels).where(eq(t.channels.orgId, access.org.id)).orderBy(asc(t.channels.name));
  if (channels.length === 0) return [];
  const ids = channels.map((c) => c.id);
  const links = await q
    .select({ channelId: t.channelGroups.channelId, id: t.groups.id, name: t.groups.name })
    .from(t.channelGroups)
    .innerJoin(t.groups, eq(t.groups.id, t.channelGroups.groupId))
    .where(inArray(t.channelGroups.channelId, ids));
  const counts = await q
    .select({ channelId: t.packages.channelId, n: count() })
    .from(t.packages)
    .where(inArray(t.packages.channelId, ids))
    .groupBy(t.packages.channelId);
  const countOf = new Map(counts.map((c) => [c.channelId, Number(c.n)]));
  return channels
    .map((channel) => {
      const groups = links.filter((l) => l.channelId === channel.id).map(({ id, name }) => ({ id, name }));
      return { channel, groups };
    })
    .filter(({ channel, groups }) => mayReadChannel(reader, { access: channel.access, groupIds: groups.map((g) => g.id) }))
    .map(({ channel, groups }) => ({
      name: channel.name,
      description: channel.description,
      access: channel.access,
      groups: groups.sort((a, b) => a.name.localeCompare(b.name)),
      package_count: countOf.get(channel.id) ?? 0,
      created_at: channel.createdAt.toISOString(),
    }));
}

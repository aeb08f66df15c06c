import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { t } from "@/db";
import type { ChannelAccess, Role } from "@/db/schema";
import type { TokenChecker } from "@/lib/domain/tokens/check/check-token";
import { emptyRepodata, loadRepodataText } from "@/lib/domain/packages/repodata";
import { CHANNEL_NAME, isSubdir } from "@/lib/validation/channels";
import { mayReadChannel } from "./channel-rule";

const gzipAsync = promisify(gzip);

export type OrgChannel = { id: string; name: string; access: ChannelAccess; groupIds: string[] };
/** What a token may do with a channel name: read the org's channel, be refused, or look elsewhere. */
export type ChannelDecision = { kind: "org"; channel: OrgChannel } | { kind: "forbidden" } | { kind: "not_org" };
export type ServedRepodata = { body: Buffer; gzip: Buffer; etag: string; lastModified: Date };

type Cached<T> = { gen: string; value: T };
type Reader = { orgId: string; userId: string };

const MAX_READERS = 250_000;

/**
 * The org channel side of the token check: which of its org's channels a valid token may read,
 * and the channels' repodata, answered from memory. Entries carry the generation the token
 * checker keeps per org (bumped by NOTIFY on any change to channels, groups, group members or
 * roles) and per channel (bumped when its repodata changes), so a change committed before a
 * request is seen by that request, in every process. Callers run checker.check() first: that is
 * the fence after which the generations are current.
 */
export class ChannelCatalog {
  private readonly orgs = new Map<string, Cached<Map<string, OrgChannel>>>();
  private readonly readers = new Map<string, Cached<{ role: Role | null; groupIds: string[] }>>();
  private readonly repodata = new Map<string, Cached<ServedRepodata | null>>();

  constructor(private readonly checker: TokenChecker) {}

  private get db() {
    return this.checker.handle.db;
  }

  /** Loads in flight, so that a burst of misses for one key (a new repodata) reads it once. */
  private readonly loading = new Map<string, Promise<unknown>>();

  /** Reads through the cache; a load that raced with any invalidation is answered, not kept. */
  private async cached<T>(map: Map<string, Cached<T>>, key: string, gen: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && hit.gen === gen && this.checker.cacheUsable) return hit.value;
    const flightKey = `${key}@${gen}@${this.checker.invalidations}`;
    const inFlight = this.loading.get(flightKey) as Promise<T> | undefined;
    if (inFlight) return inFlight;
    const before = this.checker.invalidations;
    const promise = load().then((value) => {
      if (this.checker.cacheUsable && this.checker.invalidations === before) {
        if (map.size >= MAX_READERS) map.clear();
        map.set(key, { gen, value });
      }
      return value;
    });
    this.loading.set(flightKey, promise);
    try {
      return await promise;
    } finally {
      this.loading.delete(flightKey);
    }
  }

  channelsOf(orgId: string): Promise<Map<string, OrgChannel>> {
    return this.cached(this.orgs, orgId, this.checker.generationOf({ orgId }), async () => {
      const rows = await this.db
        .select({ id: t.channels.id, name: t.channels.name, access: t.channels.access })
        .from(t.channels)
        .where(eq(t.channels.orgId, orgId));
      const links = await this.db
        .select({ channelId: t.channelGroups.channelId, groupId: t.channelGroups.groupId })
        .from(t.channelGroups)
        .where(eq(t.channelGroups.orgId, orgId));
      return new Map(rows.map((c) => [c.name, { ...c, groupIds: links.filter((l) => l.channelId === c.id).map((l) => l.groupId) }]));
    });
  }

  private readerOf({ orgId, userId }: Reader) {
    return this.cached(this.readers, `${orgId}:${userId}`, this.checker.generationOf({ orgId }), async () => {
      const [m] = await this.db
        .select({ role: t.memberships.role })
        .from(t.memberships)
        .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.userId, userId)))
        .limit(1);
      const groups = await this.db
        .select({ id: t.groupMembers.groupId })
        .from(t.groupMembers)
        .where(and(eq(t.groupMembers.orgId, orgId), eq(t.groupMembers.userId, userId)));
      return { role: m?.role ?? null, groupIds: groups.map((g) => g.id) };
    });
  }

  /** The channel rule for a valid token (which holds a seat by definition) and a channel name. */
  async decide(token: Reader, name: string): Promise<ChannelDecision> {
    if (!CHANNEL_NAME.test(name)) return { kind: "not_org" };
    const channel = (await this.channelsOf(token.orgId)).get(name);
    if (!channel) return { kind: "not_org" };
    const reader = await this.readerOf(token);
    // role null would mean "service account" to the rule: a token without a membership reads nothing.
    if (!reader.role) return { kind: "forbidden" };
    return mayReadChannel({ role: reader.role, seated: true, groupIds: reader.groupIds }, channel) ? { kind: "org", channel } : { kind: "forbidden" };
  }

  /** Which of its org's channels this token may read (names). */
  async readableChannels(token: Reader): Promise<string[]> {
    const names: string[] = [];
    for (const name of (await this.channelsOf(token.orgId)).keys()) if ((await this.decide(token, name)).kind === "org") names.push(name);
    return names.sort();
  }

  /** A subdir's repodata.json, precompressed; an empty document for a platform with no packages yet. */
  servedRepodata(channel: OrgChannel, subdir: string): Promise<ServedRepodata | null> {
    if (!isSubdir(subdir)) return Promise.resolve(null);
    return this.cached(this.repodata, `${channel.id}/${subdir}`, this.checker.generationOf({ channelId: channel.id }), async () => {
      const row = await loadRepodataText(this.db, channel.id, subdir);
      const body = Buffer.from(row?.text ?? JSON.stringify(emptyRepodata(subdir)));
      const revision = row?.revision ?? 0;
      return {
        body,
        gzip: await gzipAsync(body, { level: 4 }),
        etag: `"${channel.id.slice(0, 8)}-${subdir}-${revision}"`,
        lastModified: row?.updatedAt ?? new Date(0),
      };
    });
  }
}

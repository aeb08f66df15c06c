import { getDbHandle, type DbHandle } from "@/db/client";
import { hashToken, isWellFormedToken } from "@/lib/domain/tokens/member/format";
import { listenForTokenChanges, type InvalidationSource } from "@/lib/domain/tokens/check/invalidation";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { evaluateTokenState, loadCurrentTokenStates, loadTokenState, type TokenState, type TokenVerdict } from "./token-validity";

type Entry = { state: TokenState | null; orgGen: number; staleAfter: number };

export type TokenCheckerOptions = {
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
  /** How long "no such token" is remembered (it cannot become valid: tokens are random). */
  unknownTtlMs?: number;
};

/**
 * Answers "is this token valid, for which org and user, until when" for package downloads.
 * A malformed token or bad checksum is refused without a database read. Known hashes are cached
 * with the org's generation; the database triggers of migration 0003 bump the generation (via
 * NOTIFY) whenever a token, membership, seat or subscription of the org changes, in any process.
 * Every check first passes the invalidation fence, so a change committed before the request
 * arrived is always seen. Expiry is evaluated against the clock on every check.
 */
export class TokenChecker {
  private readonly entries = new Map<string, Entry>();
  private readonly orgGens = new Map<string, number>();
  /** Per org channel: bumped when its repodata changes (NOTIFY channel_content). */
  private readonly contentGens = new Map<string, number>();
  /** Counts every invalidation, so that a load racing with one is not cached. */
  private epoch = 0;
  /** Counts cache resets, so that a preload racing with one stops. */
  private resets = 0;
  private source: InvalidationSource | null = null;
  /** Counters for metrics and the benchmark. */
  readonly stats = { hits: 0, loads: 0, uncached: 0 };
  /** Told every verdict (server.ts counts them for /api/metrics). */
  onVerdict: ((valid: boolean) => void) | null = null;
  private readonly maxEntries: number;
  private readonly unknownTtlMs: number;

  constructor(
    readonly handle: DbHandle,
    options: TokenCheckerOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 250_000;
    this.unknownTtlMs = options.unknownTtlMs ?? 60_000;
  }

  async start() {
    this.source = await listenForTokenChanges(this.handle, {
      onOrg: (orgId) => {
        this.epoch++;
        this.orgGens.set(orgId, (this.orgGens.get(orgId) ?? 0) + 1);
      },
      onReset: () => {
        this.epoch++;
        this.resets++;
        this.entries.clear();
      },
      onChannelContent: (channelId) => {
        this.epoch++;
        this.contentGens.set(channelId, (this.contentGens.get(channelId) ?? 0) + 1);
      },
    });
    return this;
  }

  async close() {
    await this.source?.close();
    this.source = null;
    this.entries.clear();
  }

  get cacheSize() {
    return this.entries.size;
  }

  /**
   * For caches beside this one (org channels, their repodata): a value read while `invalidations`
   * stayed the same may be kept while `generationOf` stays the same. After a reset (or without a
   * healthy listener) nothing may be kept.
   */
  get invalidations() {
    return this.epoch;
  }

  get cacheUsable() {
    return !!this.source?.healthy;
  }

  generationOf(key: { orgId: string } | { channelId: string }): string {
    const gen = "orgId" in key ? (this.orgGens.get(key.orgId) ?? 0) : (this.contentGens.get(key.channelId) ?? 0);
    return `${this.resets}:${gen}`;
  }

  async check(token: string | null | undefined, now = Date.now()): Promise<TokenVerdict> {
    if (!token || !isWellFormedToken(token)) return this.told({ valid: false, reason: "malformed" });
    const hash = hashToken(token);
    const source = this.source;
    if (!source || !source.healthy) return this.told(await this.uncached(hash, now));
    try {
      await source.fence();
    } catch {
      return this.told(await this.uncached(hash, now));
    }
    const entry = this.entries.get(hash);
    if (entry && this.isFresh(entry, now)) {
      this.stats.hits++;
      return this.told(evaluateTokenState(entry.state, now));
    }
    this.stats.loads++;

    const epochBefore = this.epoch;
    const state = await loadTokenState(this.handle.db, hash);
    // An invalidation that arrived during the read may concern it: answer, but do not keep it.
    if (this.epoch === epochBefore && this.source === source && source.healthy) this.remember(hash, state, now);
    return this.told(evaluateTokenState(state, now));
  }

  private told(verdict: TokenVerdict) {
    this.onVerdict?.(verdict.valid);
    return verdict;
  }

  /**
   * Loads every current token into the cache, page by page, so that a restarted server does not
   * send its first request for each token to the database. Entries of an org that changed while
   * loading are left out (they are read on demand instead).
   */
  async preload(pageSize = 10_000): Promise<number> {
    const source = this.source;
    if (!source?.healthy) return 0;
    const resetsBefore = this.resets;
    const gensBefore = new Map(this.orgGens);
    let after = "";
    let loaded = 0;
    while (this.entries.size < this.maxEntries) {
      const page = await loadCurrentTokenStates(this.handle.db, after, pageSize);
      if (this.resets !== resetsBefore || this.source !== source) break;
      for (const { hash, state } of page) {
        const gen = gensBefore.get(state.orgId) ?? 0;
        if ((this.orgGens.get(state.orgId) ?? 0) !== gen || this.entries.has(hash)) continue;
        if (this.entries.size >= this.maxEntries) break;
        this.entries.set(hash, { state, orgGen: gen, staleAfter: 0 });
        loaded++;
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].hash;
      // PGlite runs queries on this thread: let requests through between pages.
      await yieldToEventLoop();
    }
    return loaded;
  }

  private async uncached(hash: string, now: number) {
    this.stats.uncached++;
    return evaluateTokenState(await loadTokenState(this.handle.db, hash), now);
  }

  private isFresh(entry: Entry, now: number) {
    if (!entry.state) return now < entry.staleAfter;
    return entry.orgGen === (this.orgGens.get(entry.state.orgId) ?? 0);
  }

  private remember(hash: string, state: TokenState | null, now: number) {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(hash);
    this.entries.set(hash, {
      state,
      orgGen: state ? (this.orgGens.get(state.orgId) ?? 0) : 0,
      staleAfter: now + this.unknownTtlMs,
    });
  }
}

// One checker per process, shared by server.ts and any bundled copy of this module.
const CHECKER = Symbol.for("org-portal.token-checker");
type Global = typeof globalThis & { [CHECKER]?: Promise<TokenChecker> };

export function getTokenChecker(): Promise<TokenChecker> {
  const g = globalThis as Global;
  g[CHECKER] ??= new TokenChecker(getDbHandle()).start().catch((err) => {
    g[CHECKER] = undefined;
    throw err;
  });
  return g[CHECKER];
}

export async function closeTokenChecker() {
  const g = globalThis as Global;
  const checker = g[CHECKER];
  g[CHECKER] = undefined;
  await (await checker?.catch(() => undefined))?.close();
}

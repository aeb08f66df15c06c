import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { describeError } from "@/lib/observability/describe-error";

/**
 * Counts token uses (downloads, successful checks) in memory and writes them in one statement
 * every few seconds, so the hot path never waits for a write. The columns written here are not
 * watched by the invalidation triggers, so these writes never flush any cache.
 */
export class UsageRecorder {
  private pending = new Map<string, { count: number; lastUsedAt: number }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;
  /** Set by stop(): a paced flush under way stops pausing. */
  private stopping = false;

  constructor(private readonly database: () => Db) {}

  record(tokenId: string, at = Date.now()) {
    const entry = this.pending.get(tokenId);
    if (entry) {
      entry.count++;
      if (at > entry.lastUsedAt) entry.lastUsedAt = at;
    } else this.pending.set(tokenId, { count: 1, lastUsedAt: at });
  }

  get pendingTokens() {
    return this.pending.size;
  }

  start(intervalMs = 15_000) {
    this.timer ??= setInterval(() => void this.flush({ paced: true }).catch(() => {}), intervalMs);
    this.timer.unref();
    return this;
  }

  async stop() {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /**
   * Writes what was counted so far; concurrent calls share one write. `paced` (the timer's
   * flushes): after each statement, waits as long as it took, so that a flush of many tokens keeps
   * the database (and, on PGlite, the process that runs it) at most half busy instead of taking
   * whole cores away from the token checks for a second or two (issue 20: the p99 with requests
   * spread over 100,000 tokens). Unpaced at shutdown, which must finish in time.
   */
  async flush({ paced = false } = {}): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.write(batch, paced).finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** Statements of a bounded size: PGlite runs them on the event loop's thread. */
  private async write(batch: Map<string, { count: number; lastUsedAt: number }>, paced: boolean) {
    const all = [...batch];
    for (let i = 0; i < all.length; i += CHUNK) {
      const started = performance.now();
      try {
        await this.writeChunk(all.slice(i, i + CHUNK));
      } catch (err) {
        this.putBack(all.slice(i));
        console.error(JSON.stringify({ level: "warn", msg: "token usage flush failed", ...describeError(err) }));
        throw err;
      }
      if (i + CHUNK >= all.length) break;
      if (paced && !this.stopping) await sleep(performance.now() - started);
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Counts that could not be written wait for the next flush. */
  private putBack(entries: Array<[string, { count: number; lastUsedAt: number }]>) {
    for (const [id, usage] of entries) {
      const now = this.pending.get(id);
      if (now) {
        now.count += usage.count;
        now.lastUsedAt = Math.max(now.lastUsedAt, usage.lastUsedAt);
      } else this.pending.set(id, usage);
    }
  }

  private async writeChunk(batch: Array<[string, { count: number; lastUsedAt: number }]>) {
    const ids: string[] = [];
    const counts: number[] = [];
    const times: string[] = [];
    for (const [id, { count, lastUsedAt }] of batch) {
      ids.push(id);
      counts.push(count);
      times.push(new Date(lastUsedAt).toISOString());
    }
    // Arrays travel as text literals: both pg and PGlite bind them the same way.
    await this.database().execute(sql`
      update member_tokens as mt
      set use_count = mt.use_count + u.n,
          last_used_at = greatest(coalesce(mt.last_used_at, u.at), u.at)
      from unnest(${pgArray(ids)}::uuid[], ${pgArray(counts.map(String))}::int[], ${pgArray(times)}::timestamptz[]) as u(id, n, at)
      where mt.id = u.id`);
  }
}

const CHUNK = 2_000;

/** A PostgreSQL array literal of simple values (uuids, numbers, ISO dates: nothing to escape). */
const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

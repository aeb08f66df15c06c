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
    this.timer ??= setInterval(() => void this.flush().catch(() => {}), intervalMs);
    this.timer.unref();
    return this;
  }

  async stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Writes what was counted so far; concurrent calls share one write. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.write(batch).finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** Statements of a bounded size: PGlite runs them on the event loop's thread. */
  private async write(batch: Map<string, { count: number; lastUsedAt: number }>) {
    const all = [...batch];
    for (let i = 0; i < all.length; i += 2_000) {
      try {
        await this.writeChunk(all.slice(i, i + 2_000));
      } catch (err) {
        this.putBack(all.slice(i));
        console.error(JSON.stringify({ level: "warn", msg: "token usage flush failed", ...describeError(err) }));
        throw err;
      }
      if (i + 2_000 < all.length) await new Promise((resolve) => setImmediate(resolve));
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

/** A PostgreSQL array literal of simple values (uuids, numbers, ISO dates: nothing to escape). */
const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

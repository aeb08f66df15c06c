import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { describeError } from "@/lib/observability/describe-error";

type Usage = { count: number; lastUsedAt: number };

export type UsageRecorderOptions = {
  /**
   * The longest a counted use waits before it is written. Each token waits a random part of it
   * (between half and all of it), so that the writes of many tokens in use spread out evenly.
   */
  delayMs?: number;
  /** How often the writer looks for tokens that are due (and how late one may be written). */
  tickMs?: number;
};

/**
 * Counts token uses (downloads, successful checks) in memory and writes them in batches, so the
 * hot path never waits for a write. The columns written here are not watched by the invalidation
 * triggers, so these writes never flush any cache.
 *
 * Why the writes are spread over minutes (docs/decisions/023): with requests spread over 100,000
 * tokens, writing every used token every 15 s kept the database busy for seconds out of every 15
 * (about 15 us of database time per token), and on a machine the load shares that work shows in
 * every token check's p99. Each token's uses now wait for their own moment in the delay window:
 * under steady use a token is written once per window, and the writes of all tokens come a few
 * thousand a tick instead of all at once. Shutdown and `flush()` write everything at once.
 */
export class UsageRecorder {
  private pending = new Map<string, Usage>();
  /** Token ids by the tick they are due at; each pending token is in exactly one of them. */
  private due = new Map<number, string[]>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | null = null;
  /** Set by stop(): a paced write under way stops pausing. */
  private stopping = false;
  private readonly delayMs: number;
  private readonly tickMs: number;

  constructor(
    private readonly database: () => Db,
    options: UsageRecorderOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 300_000;
    this.tickMs = options.tickMs ?? 15_000;
  }

  record(tokenId: string, at = Date.now()) {
    const entry = this.pending.get(tokenId);
    if (entry) {
      entry.count++;
      if (at > entry.lastUsedAt) entry.lastUsedAt = at;
      return;
    }
    this.pending.set(tokenId, { count: 1, lastUsedAt: at });
    this.schedule(tokenId, at + this.delayMs * (0.5 + Math.random() / 2));
  }

  get pendingTokens() {
    return this.pending.size;
  }

  start() {
    this.timer ??= setInterval(() => void this.writeDue().catch(() => {}), this.tickMs);
    this.timer.unref();
    return this;
  }

  async stop() {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Writes every counted use now, due or not (shutdown, tests); concurrent calls share one write. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending = new Map();
    this.due = new Map();
    await this.write(batch, false);
  }

  /** The timer's write: the tokens whose moment has come, paced. */
  private async writeDue(now = Date.now()) {
    if (this.writing) return;
    const batch: Array<[string, Usage]> = [];
    const current = this.tickOf(now);
    for (const [tick, ids] of this.due) {
      if (tick > current) continue;
      this.due.delete(tick);
      for (const id of ids) {
        const usage = this.pending.get(id);
        if (!usage) continue;
        this.pending.delete(id);
        batch.push([id, usage]);
      }
    }
    if (batch.length > 0) await this.write(batch, true);
  }

  private tickOf(time: number) {
    return Math.floor(time / this.tickMs);
  }

  private schedule(tokenId: string, at: number) {
    const tick = this.tickOf(at);
    const ids = this.due.get(tick);
    if (ids) ids.push(tokenId);
    else this.due.set(tick, [tokenId]);
  }

  private write(batch: Array<[string, Usage]>, paced: boolean) {
    this.writing = this.writeChunks(batch, paced).finally(() => (this.writing = null));
    return this.writing;
  }

  /**
   * Statements of CHUNK tokens. `paced` (the timer's writes): after each statement, waits three
   * times as long as it took, so the database (and, on PGlite, the Next.js process that runs it)
   * spends at most a quarter of its time on them. Unpaced at shutdown, which must finish in time.
   */
  private async writeChunks(batch: Array<[string, Usage]>, paced: boolean) {
    for (let i = 0; i < batch.length; i += CHUNK) {
      const started = performance.now();
      try {
        await this.writeChunk(batch.slice(i, i + CHUNK));
      } catch (err) {
        this.putBack(batch.slice(i));
        console.error(JSON.stringify({ level: "warn", msg: "token usage write failed", ...describeError(err) }));
        throw err;
      }
      if (i + CHUNK >= batch.length) break;
      if (paced && !this.stopping) await sleep(3 * (performance.now() - started));
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Counts that could not be written are tried again at the next tick. */
  private putBack(entries: Array<[string, Usage]>) {
    const retryAt = Date.now() + this.tickMs;
    for (const [id, usage] of entries) {
      const now = this.pending.get(id);
      if (now) {
        now.count += usage.count;
        now.lastUsedAt = Math.max(now.lastUsedAt, usage.lastUsedAt);
      } else {
        this.pending.set(id, usage);
        this.schedule(id, retryAt);
      }
    }
  }

  private async writeChunk(batch: Array<[string, Usage]>) {
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

/**
 * Tokens per statement. Small enough that PostgreSQL looks each one up by its primary key (at
 * 2,000 it hashed the whole table per statement: 2.5 times the database time at 100,000 tokens),
 * and that each statement is a short burst next to the token checks.
 */
const CHUNK = 500;

/** A PostgreSQL array literal of simple values (uuids, numbers, ISO dates: nothing to escape). */
const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

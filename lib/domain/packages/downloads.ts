import { sql } from "drizzle-orm";
import type { Db } from "@/db";

type Pending = { count: number; at: number };

/**
 * Counts package downloads in memory and adds them to packages.downloads in one statement every
 * few seconds (like token usage), so a download never waits for a write. The packages table has
 * no NOTIFY trigger, so counting never reloads any cache.
 */
export class DownloadRecorder {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;

  constructor(private readonly database: () => Db) {}

  record(channelId: string, subdir: string, filename: string, at = Date.now()) {
    const key = `${channelId}\n${subdir}\n${filename}`;
    const entry = this.pending.get(key);
    if (entry) {
      entry.count++;
      entry.at = Math.max(entry.at, at);
    } else this.pending.set(key, { count: 1, at });
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

  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending = new Map();
    this.flushing = this.write(batch).finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async write(batch: Array<[string, Pending]>) {
    for (let i = 0; i < batch.length; i += 2_000) {
      const chunk = batch.slice(i, i + 2_000);
      try {
        const cols: string[][] = [[], [], [], [], []];
        for (const [key, { count, at }] of chunk) {
          const [channelId, subdir, filename] = key.split("\n");
          cols[0].push(channelId);
          cols[1].push(subdir);
          cols[2].push(filename);
          cols[3].push(String(count));
          cols[4].push(new Date(at).toISOString());
        }
        await this.database().execute(sql`
          update packages as p
          set downloads = p.downloads + u.n,
              last_downloaded_at = greatest(coalesce(p.last_downloaded_at, u.at), u.at)
          from unnest(${pgArray(cols[0])}::uuid[], ${pgArray(cols[1])}::text[], ${pgArray(cols[2])}::text[],
                      ${pgArray(cols[3])}::int[], ${pgArray(cols[4])}::timestamptz[]) as u(channel_id, subdir, filename, n, at)
          where p.channel_id = u.channel_id and p.subdir = u.subdir and p.filename = u.filename`);
      } catch (err) {
        for (const [key, p] of batch.slice(i)) {
          const now = this.pending.get(key);
          if (now) {
            now.count += p.count;
            now.at = Math.max(now.at, p.at);
          } else this.pending.set(key, p);
        }
        console.error(JSON.stringify({ level: "warn", msg: "download count flush failed", err: String(err) }));
        throw err;
      }
    }
  }
}

/** Values here are uuids, subdirs, checked package file names, numbers and ISO dates: no quote or backslash. */
const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

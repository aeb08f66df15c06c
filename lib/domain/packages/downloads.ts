import { sql } from "drizzle-orm";
import type { Db } from "@/db";

type Pending = { count: number; at: number };

/**
 * Counts package downloads in memory and adds them to packages.downloads, and to the day's row of
 * package_download_days (the Overview chart), in one statement every few seconds (like token
 * usage), so a download never waits for a write. Neither table has a NOTIFY trigger, so counting
 * never reloads any cache. Counts are kept per UTC day, so a flush after midnight still credits
 * yesterday's downloads to yesterday.
 */
export class DownloadRecorder {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;

  constructor(private readonly database: () => Db) {}

  record(channelId: string, subdir: string, filename: string, at = Date.now()) {
    const key = `${channelId}\n${subdir}\n${filename}\n${utcDay(at)}`;
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
        const cols: string[][] = [[], [], [], [], [], []];
        for (const [key, { count, at }] of chunk) {
          const [channelId, subdir, filename, day] = key.split("\n");
          cols[0].push(channelId);
          cols[1].push(subdir);
          cols[2].push(filename);
          cols[3].push(String(count));
          cols[4].push(new Date(at).toISOString());
          cols[5].push(day);
        }
        // One statement for both tables, so a retry after a failure never counts a day twice.
        // Files deleted since the download match no package row and are dropped from both.
        await this.database().execute(sql`
          with u as (
            select * from unnest(${pgArray(cols[0])}::uuid[], ${pgArray(cols[1])}::text[], ${pgArray(cols[2])}::text[],
                                 ${pgArray(cols[3])}::int[], ${pgArray(cols[4])}::timestamptz[], ${pgArray(cols[5])}::date[])
              as u(channel_id, subdir, filename, n, at, day)
          ),
          files as (
            update packages as p
            set downloads = p.downloads + f.n,
                last_downloaded_at = greatest(coalesce(p.last_downloaded_at, f.at), f.at)
            from (select channel_id, subdir, filename, sum(n)::bigint as n, max(at) as at from u group by 1, 2, 3) as f
            where p.channel_id = f.channel_id and p.subdir = f.subdir and p.filename = f.filename
            returning p.channel_id, p.subdir, p.filename, p.org_id, p.name
          )
          insert into package_download_days as d (channel_id, org_id, name, day, downloads)
          select files.channel_id, files.org_id, files.name, u.day, sum(u.n)::bigint
          from u join files on files.channel_id = u.channel_id and files.subdir = u.subdir and files.filename = u.filename
          group by files.channel_id, files.org_id, files.name, u.day
          on conflict (channel_id, name, day) do update set downloads = d.downloads + excluded.downloads`);
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

/** The UTC calendar day of a timestamp, as package_download_days stores it. */
export const utcDay = (at: number | Date) => new Date(at).toISOString().slice(0, 10);

/** Values here are uuids, subdirs, checked package file names, numbers and ISO dates: no quote or backslash. */
const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

import fs from "node:fs";

/**
 * Package files served often, kept in memory (issue 20: downloads at half of nginx's speed). Node
 * cannot sendfile: from disk, every byte is copied from the page cache into this process and
 * again into the socket, and a quarter of the check process's time went to that read. From memory
 * only the socket copy is left.
 *
 * Bounded by bytes (PACKAGE_MEMORY_CACHE_MB), least recently used out first. A file bigger than
 * half the budget is never kept, and files being read count against the budget too, so memory
 * stays under twice the budget however many files load at once. A file is loaded in the
 * background on its first download (that one streams from disk) and kept while the file on disk
 * is the same one (inode, size and modification time, from the stat every download makes anyway).
 */
export class FileMemoryCache {
  private readonly entries = new Map<string, { version: string; body: Buffer }>();
  private readonly loading = new Map<string, Promise<void>>();
  private bytes = 0;
  /** Bytes being read, also bounded by the budget: many files loading at once never hold more. */
  private loadingBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size() {
    return { files: this.entries.size, bytes: this.bytes };
  }

  /** The file's bytes, if they are in memory and the file on disk is still the one loaded. */
  get(file: string, stat: fs.Stats): Buffer | undefined {
    const entry = this.entries.get(file);
    if (!entry) return undefined;
    this.entries.delete(file);
    if (entry.version !== versionOf(stat)) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    // Most recently used last: eviction takes from the front.
    this.entries.set(file, entry);
    return entry.body;
  }

  /** Starts loading the file when it fits the budget; resolves when it is loaded (tests wait for it). */
  offer(file: string, stat: fs.Stats): Promise<void> {
    const pending = this.loading.get(file);
    if (pending) return pending;
    const fits = stat.size > 0 && stat.size <= this.maxBytes / 2 && this.loadingBytes + stat.size <= this.maxBytes;
    if (!fits || this.entries.has(file)) return Promise.resolve();
    this.loadingBytes += stat.size;
    const loading = this.load(file, stat.size)
      .catch(() => {}) // gone or unreadable meanwhile: the next download streams it from disk
      .finally(() => {
        this.loading.delete(file);
        this.loadingBytes -= stat.size;
      });
    this.loading.set(file, loading);
    return loading;
  }

  private async load(file: string, offeredSize: number) {
    // The version is read from the open file, so it names the bytes read even if the file is
    // replaced meanwhile (uploads write a new file and rename it over the old one).
    const handle = await fs.promises.open(file, "r");
    try {
      const stat = await handle.stat();
      // Replaced by a bigger file since the offer: not read (the budget counted the offered size).
      if (stat.size > offeredSize) return;
      const body = await handle.readFile();
      if (body.length !== stat.size) return;
      this.evictFor(body.length);
      this.entries.set(file, { version: versionOf(stat), body });
      this.bytes += body.length;
    } finally {
      await handle.close();
    }
  }

  private evictFor(incoming: number) {
    for (const [file, entry] of this.entries) {
      if (this.bytes + incoming <= this.maxBytes) return;
      this.entries.delete(file);
      this.bytes -= entry.body.length;
    }
  }
}

const versionOf = (stat: fs.Stats) => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendFile } from "./channel-files";
import { FileMemoryCache } from "./file-memory-cache";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-cache-"));
const KB = 1024;
let cache: FileMemoryCache;
let server: http.Server;
let base: string;

/** A file of `size` bytes whose every byte says which file and where (so stale bytes show). */
function writeFile(name: string, size: number, seed: number) {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 7 + seed) % 251;
  // As uploads do: a new file renamed over the old one.
  const tmp = path.join(dir, `.${name}.tmp`);
  fs.writeFileSync(tmp, body);
  fs.renameSync(tmp, path.join(dir, name));
  return body;
}

async function get(name: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/${name}`, { headers });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** Waits for the background load that a first download starts. */
async function loaded(name: string) {
  const file = path.join(dir, name);
  await cache.offer(file, fs.statSync(file));
}

beforeAll(async () => {
  cache = new FileMemoryCache(16 * 1024 * KB);
  server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(req.url!.slice(1)));
    sendFile(req, res, file, fs.statSync(file), cache);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("package files in memory", () => {
  it("streams the first download from disk, keeps the file, and sends the same bytes from memory", async () => {
    // Bigger than the socket's buffers: the answer from memory is written in many pieces.
    const body = writeFile("a-1.0-0.conda", 6 * 1024 * KB, 1);
    const first = await get("a-1.0-0.conda");
    expect(first.status).toBe(200);
    expect(first.body.equals(body)).toBe(true);
    await loaded("a-1.0-0.conda");
    expect(cache.get(path.join(dir, "a-1.0-0.conda"), fs.statSync(path.join(dir, "a-1.0-0.conda")))).toBeDefined();

    const again = await get("a-1.0-0.conda");
    expect(again.status).toBe(200);
    expect(again.headers.get("content-length")).toBe(String(6 * 1024 * KB));
    expect(again.body.equals(body)).toBe(true);
  });

  it("answers ranges from memory with the right slice", async () => {
    const body = writeFile("r-1.0-0.conda", 20 * KB, 2);
    await get("r-1.0-0.conda");
    await loaded("r-1.0-0.conda");
    const part = await get("r-1.0-0.conda", { range: "bytes=1000-1999" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${20 * KB}`);
    expect(part.body.equals(body.subarray(1000, 2000))).toBe(true);
    const head = await fetch(`${base}/r-1.0-0.conda`, { method: "HEAD" });
    expect(head.headers.get("content-length")).toBe(String(20 * KB));
  });

  it("never sends the old bytes after the file on disk was replaced", async () => {
    writeFile("c-1.0-0.conda", 10 * KB, 3);
    await get("c-1.0-0.conda");
    await loaded("c-1.0-0.conda");
    const replaced = writeFile("c-1.0-0.conda", 10 * KB, 4); // same size, new inode
    const after = await get("c-1.0-0.conda");
    expect(after.body.equals(replaced)).toBe(true);
    await loaded("c-1.0-0.conda");
    expect((await get("c-1.0-0.conda")).body.equals(replaced)).toBe(true);
  });

  it("keeps within its budget: the least recently used go first, and a file over half of it is never kept", async () => {
    const small = new FileMemoryCache(100 * KB);
    const names = ["e1", "e2", "e3"].map((n) => `${n}-1.0-0.conda`);
    for (const [i, name] of names.entries()) writeFile(name, 40 * KB, 10 + i);
    const stat = (name: string) => fs.statSync(path.join(dir, name));
    const offer = (name: string) => small.offer(path.join(dir, name), stat(name));
    const has = (name: string) => small.get(path.join(dir, name), stat(name)) !== undefined;
    await offer(names[0]);
    await offer(names[1]);
    expect(has(names[0])).toBe(true); // e1 is now the most recently used
    await offer(names[2]); // 120 KB > 100 KB: e2, the least recently used, goes
    expect(small.size).toEqual({ files: 2, bytes: 80 * KB });
    expect(has(names[1])).toBe(false);
    expect(has(names[0]) && has(names[2])).toBe(true);

    writeFile("big-1.0-0.conda", 51 * KB, 20);
    await offer("big-1.0-0.conda");
    expect(has("big-1.0-0.conda")).toBe(false);
  });

  it("reads at most its budget at once: a third 40 KB file offered beside two loading is not read", async () => {
    const small = new FileMemoryCache(100 * KB);
    const names = ["p1", "p2", "p3"].map((n) => `${n}-1.0-0.conda`);
    for (const [i, name] of names.entries()) writeFile(name, 40 * KB, 40 + i);
    const file = (name: string) => path.join(dir, name);
    await Promise.all(names.map((name) => small.offer(file(name), fs.statSync(file(name)))));
    expect(small.size).toEqual({ files: 2, bytes: 80 * KB });
    expect(small.get(file(names[2]), fs.statSync(file(names[2])))).toBeUndefined();
  });

  it("keeps nothing when turned off (PACKAGE_MEMORY_CACHE_MB=0)", async () => {
    const off = new FileMemoryCache(0);
    writeFile("z-1.0-0.conda", 1 * KB, 30);
    const file = path.join(dir, "z-1.0-0.conda");
    await off.offer(file, fs.statSync(file));
    expect(off.size).toEqual({ files: 0, bytes: 0 });
  });
});

import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { FileMemoryCache } from "./file-memory-cache";

const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json",
  ".conda": "application/octet-stream",
  ".bz2": "application/x-bzip2",
  ".zst": "application/zstd",
  ".gz": "application/gzip",
  ".jlap": "application/octet-stream",
  ".txt": "text/plain; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".whl": "application/zip",
};

export const contentTypeOf = (file: string) => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";

// What a package manager asks a channel for: packages and the repodata family. Anything else
// (an index.html, a README, an SVG someone copied into the folder) is sent as a download, so
// it never renders as a page of the portal's own origin.
const CHANNEL_CONTENT =
  /^(?:.+\.(?:conda|tar\.bz2)|(?:current_)?repodata(?:_from_packages)?\.json(?:\.(?:bz2|zst|gz))?|repodata\.jlap|channeldata\.json)$/;

/** Content-Type and, for files that are not packages or repodata, Content-Disposition: attachment. */
export function fileHeaders(file: string): Record<string, string> {
  const name = path.basename(file);
  if (CHANNEL_CONTENT.test(name)) return { "content-type": contentTypeOf(name), "x-content-type-options": "nosniff" };
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return {
    "content-type": "application/octet-stream",
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "x-content-type-options": "nosniff",
  };
}

const CHANNEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export type ChannelPath = { channel: string; segments: string[] };

/**
 * Splits the raw (still percent-encoded) path after /t/<token>/ into a channel and file
 * segments, refusing anything that could leave the channel folder: encoded slashes or
 * backslashes, NUL, `.`/`..` in any spelling, empty segments, and dot-files. Returns null to
 * refuse. Symlinks are checked later, against the real path on disk.
 */
export function parseChannelPath(rawSegments: string[]): ChannelPath | null {
  if (rawSegments.length < 2) return null;
  const decoded: string[] = [];
  for (const raw of rawSegments) {
    if (/%(2f|5c|00)/i.test(raw) || raw.includes("\\")) return null;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!segment || segment.startsWith(".") || segment.includes("/") || segment.includes("\\") || segment.includes("\0")) return null;
    decoded.push(segment);
  }
  const [channel, ...segments] = decoded;
  if (!CHANNEL_NAME.test(channel)) return null;
  return { channel, segments };
}

/** The file's real path, only if it is a regular file inside the channel's real folder. */
export async function resolveChannelFile(channelsDir: string, { channel, segments }: ChannelPath) {
  try {
    const root = await fs.promises.realpath(path.join(channelsDir, channel));
    const real = await fs.promises.realpath(path.join(root, ...segments));
    if (!real.startsWith(root + path.sep)) return null;
    const stat = await fs.promises.stat(real);
    return stat.isFile() ? { file: real, stat } : null;
  } catch {
    return null;
  }
}

type Range = { start: number; end: number } | "unsatisfiable" | null;

/** One `bytes=` range (a, a-b or -n); several ranges are answered with the whole file (allowed). */
export function parseRange(header: string | undefined, size: number): Range {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== "" && Number(m[2]) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

const etagOf = (stat: fs.Stats) => `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;

function notModified(req: IncomingMessage, etag: string, mtime: Date) {
  const inm = req.headers["if-none-match"];
  if (inm) return inm.trim() === "*" || inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  const ims = req.headers["if-modified-since"];
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** If-Range: honour Range only while the client's copy is still the current one. */
function rangeStillValid(req: IncomingMessage, etag: string, mtime: Date) {
  const ifRange = req.headers["if-range"];
  if (!ifRange || typeof ifRange !== "string") return true;
  if (ifRange.startsWith('"') || ifRange.startsWith("W/")) return ifRange === etag;
  const date = Date.parse(ifRange);
  return !Number.isNaN(date) && Math.floor(mtime.getTime() / 1000) * 1000 <= date;
}

/** Sends a file with validators and Range support. Returns the status sent. */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stat: fs.Stats, cache?: FileMemoryCache): number {
  const etag = etagOf(stat);
  const headers: Record<string, string | number> = {
    ...fileHeaders(file),
    etag,
    "last-modified": stat.mtime.toUTCString(),
    "accept-ranges": "bytes",
    // Behind a token: shared caches must not keep it; clients revalidate with the ETag.
    "cache-control": "private, no-cache",
  };
  if (notModified(req, etag, stat.mtime)) {
    res.writeHead(304, headers).end();
    return 304;
  }
  let range = parseRange(req.headers.range, stat.size);
  if (range && !rangeStillValid(req, etag, stat.mtime)) range = null;
  if (range === "unsatisfiable") {
    res.writeHead(416, { ...headers, "content-range": `bytes */${stat.size}`, "content-type": "text/plain; charset=utf-8" });
    res.end("Requested range not satisfiable.\n");
    return 416;
  }
  const status = range ? 206 : 200;
  const start = range ? range.start : 0;
  const end = range ? range.end : stat.size - 1;
  if (range) headers["content-range"] = `bytes ${start}-${end}/${stat.size}`;
  headers["content-length"] = stat.size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === "HEAD" || stat.size === 0) {
    res.end();
    return status;
  }
  const inMemory = cache?.get(file, stat);
  if (inMemory) {
    // A view, not a copy: the socket takes it as fast as the client reads.
    res.end(inMemory.subarray(start, end + 1));
    return status;
  }
  void cache?.offer(file, stat);
  // 2 MiB reads: a 32nd of the syscalls and event-loop turns of the 64 KiB default for a large
  // package (bench:channels, idle machine: 64 MB at 8 connections went from 0.37-0.39 of nginx's
  // sendfile at 512 KiB to 0.41-0.68); pipe() still waits for the socket, so memory stays bounded
  // at about one read per download.
  const stream = fs.createReadStream(file, { start, end, highWaterMark: 2 * 1024 * 1024 });
  stream.on("error", () => res.destroy());
  res.on("close", () => stream.destroy());
  stream.pipe(res);
  return status;
}

import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChannelCatalog, OrgChannel, ServedRepodata } from "@/lib/domain/channels/catalog";
import type { DownloadRecorder } from "@/lib/domain/packages/downloads";
import { parsePackageFilename } from "@/lib/domain/packages/package-filename";
import { packagePath } from "@/lib/domain/packages/storage";
import { sendFile } from "./channel-files";
import type { FileMemoryCache } from "./file-memory-cache";

export type OrgChannelServer = {
  catalog: ChannelCatalog;
  downloads: DownloadRecorder;
  packagesDir: string;
  fileCache?: FileMemoryCache;
};

const notFound = (res: ServerResponse) => {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end("Not found.\n");
};

function fresh(req: IncomingMessage, served: ServedRepodata) {
  const inm = req.headers["if-none-match"];
  if (inm) return inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === served.etag || tag.trim() === "*");
  const ims = Date.parse(req.headers["if-modified-since"] ?? "");
  return !Number.isNaN(ims) && Math.floor(served.lastModified.getTime() / 1000) * 1000 <= ims;
}

/** repodata.json from memory (gzip when the client takes it), with ETag and Last-Modified. */
function sendRepodata(req: IncomingMessage, res: ServerResponse, served: ServedRepodata) {
  const headers: Record<string, string | number> = {
    "content-type": "application/json",
    etag: served.etag,
    "last-modified": served.lastModified.toUTCString(),
    "cache-control": "private, no-cache",
    vary: "Accept-Encoding",
    "x-content-type-options": "nosniff",
  };
  if (fresh(req, served)) return void res.writeHead(304, headers).end();
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? served.gzip : served.body;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * An org channel's files: `<subdir>/repodata.json` from the catalog, `<subdir>/<package>` from
 * PACKAGES_DIR/<channel id>/. Nothing else exists in an org channel.
 */
export async function serveOrgChannel(
  server: OrgChannelServer,
  req: IncomingMessage,
  res: ServerResponse,
  channel: OrgChannel,
  segments: string[],
) {
  if (segments.length !== 2) return notFound(res);
  const [subdir, file] = segments;
  if (file === "repodata.json") {
    const served = await server.catalog.servedRepodata(channel, subdir);
    return served ? sendRepodata(req, res, served) : notFound(res);
  }
  if (!parsePackageFilename(file)) return notFound(res);
  const full = packagePath(channel.id, subdir, file, server.packagesDir);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(full);
  } catch {
    return notFound(res);
  }
  if (!stat.isFile()) return notFound(res);
  const status = sendFile(req, res, full, stat, server.fileCache);
  // A whole download (or the first piece of a resumed one) counts once; HEAD and 304 do not.
  const range = req.headers.range;
  if (req.method === "GET" && (status === 200 || (status === 206 && /^bytes=0-/.test(range ?? ""))))
    server.downloads.record(channel.id, subdir, file);
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { TokenChecker } from "@/lib/domain/tokens/check/check-token";
import type { TokenVerdict } from "@/lib/domain/tokens/check/token-validity";
import type { UsageRecorder } from "@/lib/domain/tokens/check/usage";
import { parseChannelPath, resolveChannelFile, sendFile } from "./channel-files";
import { serviceAccountAuth, type IntrospectionAuthenticator } from "./introspection-auth";
import { describeError } from "@/lib/observability/describe-error";
import { ChannelCatalog } from "@/lib/domain/channels/catalog";
import { DownloadRecorder } from "@/lib/domain/packages/downloads";
import { config } from "@/lib/config";
import fs from "node:fs";
import path from "node:path";
import { serveOrgChannel } from "./org-channel";
import { FileMemoryCache } from "./file-memory-cache";

export type HotPathOptions = {
  checker: TokenChecker;
  usage: UsageRecorder;
  channelsDir: string;
  authenticateIntrospection?: IntrospectionAuthenticator;
  /** Org channels: which ones a token reads, and their repodata (default: over the checker's cache). */
  catalog?: ChannelCatalog;
  /** Counts package downloads (start/stop it with the server to flush counts). */
  downloads?: DownloadRecorder;
  packagesDir?: string;
  /** Often-downloaded files in memory (default: PACKAGE_MEMORY_CACHE_MB). */
  fileCache?: FileMemoryCache;
};

/** Handles a request if it belongs to the hot path; false means "not mine, pass it on". */
export type HotPath = (req: IncomingMessage, res: ServerResponse) => boolean;

const TEXT = "text/plain; charset=utf-8";
const INVALID_TOKEN = "Invalid or missing token. Issue a new one on the Token Access page of your organization.\n";

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": TEXT, "cache-control": "no-store", ...headers });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", pragma: "no-cache", ...headers });
  res.end(JSON.stringify(body));
};

/** `Authorization: Bearer <token>`, or the `/t/<token>/` prefix of nginx's X-Original-URI. */
export function tokenFromCheckRequest(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth && /^bearer /i.test(auth)) return auth.slice(7).trim();
  const original = req.headers["x-original-uri"];
  if (typeof original === "string" && original.startsWith("/t/")) {
    const end = original.indexOf("/", 3);
    return original.slice(3, end === -1 ? original.length : end).split("?")[0];
  }
  return null;
}

const FORBIDDEN_CHANNEL = "This channel is open to selected groups of your organization only.\n";

export function createHotPath({
  checker,
  usage,
  channelsDir,
  authenticateIntrospection = serviceAccountAuth,
  catalog = new ChannelCatalog(checker),
  downloads = new DownloadRecorder(() => checker.handle.db),
  packagesDir = config().packagesDir,
  fileCache = new FileMemoryCache(config().packageMemoryCacheBytes),
}: HotPathOptions): HotPath {
  const orgChannels = { catalog, downloads, packagesDir, fileCache };

  /**
   * The channel rule for nginx auth_request: the channel named in X-Original-URI must be one of
   * the token's org channels it may read, or an instance-wide folder; else 403 or 404.
   */
  async function channelStatus(verdict: { orgId: string; userId: string }, original: string): Promise<number> {
    const [, , , raw] = original.split("?")[0].split("/");
    if (!raw) return 204;
    const wanted = parseChannelPath([raw, "x"]);
    if (!wanted) return 404;
    const decision = await catalog.decide(verdict, wanted.channel);
    if (decision.kind === "forbidden") return 403;
    if (decision.kind === "org") return 204;
    const found = await fs.promises.stat(path.join(channelsDir, wanted.channel)).catch(() => null);
    return found?.isDirectory() ? 204 : 404;
  }

  const fail = (res: ServerResponse, err: unknown) => {
    console.error(JSON.stringify({ level: "error", msg: "token hot path failed", ...describeError(err) }));
    if (!res.headersSent) text(res, 503, "Token checks are unavailable right now. Try again shortly.\n", { "retry-after": "1" });
    else res.destroy();
  };

  async function check(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "GET" && req.method !== "HEAD") return text(res, 405, "Use GET.\n", { allow: "GET, HEAD" });
    const verdict = await checker.check(tokenFromCheckRequest(req));
    if (!verdict.valid) return text(res, 401, INVALID_TOKEN, { "www-authenticate": 'Bearer realm="channels"' });
    // Only nginx's auth_request names a channel (X-Original-URI); a plain check skips the await.
    const original = req.headers["x-original-uri"];
    const status = typeof original === "string" && original.startsWith("/t/") ? await channelStatus(verdict, original) : 204;
    if (status === 403) return text(res, 403, FORBIDDEN_CHANNEL);
    if (status === 404) return text(res, 404, "Not found.\n");
    usage.record(verdict.tokenId);
    res.writeHead(204, {
      "x-org-id": verdict.orgId,
      "x-user-id": verdict.userId,
      "x-token-expires-at": verdict.expiresAt.toISOString(),
      "cache-control": "no-store",
    });
    res.end();
  }

  async function introspect(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST") return json(res, 405, { error: "invalid_request", error_description: "Use POST." }, { allow: "POST" });
    const caller = await authenticateIntrospection(req.headers);
    if (!caller) {
      req.resume();
      return json(
        res,
        401,
        { error: "invalid_client", error_description: "Authenticate as a service account (HTTP Basic)." },
        {
          "www-authenticate": 'Basic realm="introspect"',
        },
      );
    }
    const body = await readBody(req, 8192);
    if (body === null) return json(res, 413, { error: "invalid_request", error_description: "Request body too large." });
    const token = tokenParam(req.headers["content-type"], body);
    if (!token) return json(res, 400, { error: "invalid_request", error_description: "The token parameter is required." });
    const verdict: TokenVerdict = await checker.check(token);
    // A caller learns only about tokens of its own org (RFC 7662 section 4: no enumeration).
    if (!verdict.valid || verdict.orgId !== caller.orgId) return json(res, 200, { active: false });
    return json(res, 200, {
      active: true,
      token_type: "member_token",
      sub: verdict.userId,
      org_id: verdict.orgId,
      exp: Math.floor(verdict.expiresAt.getTime() / 1000),
      iat: Math.floor(verdict.issuedAt.getTime() / 1000),
    });
  }

  async function channel(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const parts = pathname.slice(3).split("/");
    const verdict = await checker.check(parts[0]);
    if (!verdict.valid) return text(res, 401, INVALID_TOKEN, { "www-authenticate": 'Bearer realm="channels"' });
    if (req.method !== "GET" && req.method !== "HEAD") return text(res, 405, "Use GET.\n", { allow: "GET, HEAD" });
    const wanted = parseChannelPath(parts.slice(1));
    if (!wanted) return text(res, 400, "Bad path.\n");
    // The token's org's channel first; another org's channel is simply not there (404 below).
    const decision = await catalog.decide(verdict, wanted.channel);
    if (decision.kind === "forbidden") return text(res, 403, FORBIDDEN_CHANNEL);
    if (decision.kind === "org") {
      usage.record(verdict.tokenId);
      return serveOrgChannel(orgChannels, req, res, decision.channel, wanted.segments);
    }
    const found = await resolveChannelFile(channelsDir, wanted);
    if (!found) return text(res, 404, "Not found.\n");
    const status = sendFile(req, res, found.file, found.stat, fileCache);
    if (status < 400) usage.record(verdict.tokenId);
  }

  return (req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    let work: Promise<void>;
    if (pathname === "/api/tokens/check") work = check(req, res);
    else if (pathname === "/api/tokens/introspect") work = introspect(req, res);
    else if (pathname.startsWith("/t/")) work = channel(req, res, pathname);
    else return false;
    work.catch((err) => fail(res, err));
    return true;
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** RFC 7662 sends `token=...` form-encoded; JSON is accepted too. */
function tokenParam(contentType: string | undefined, body: string): string | null {
  if (contentType?.includes("application/json")) {
    try {
      const parsed = JSON.parse(body) as { token?: unknown };
      return typeof parsed.token === "string" ? parsed.token : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(body).get("token");
}

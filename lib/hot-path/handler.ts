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
  /** Name, value, name, value...: headers every answer carries (server.ts: the security headers). */
  answerHeaders?: string[];
};

/**
 * Handles a request if it belongs to the hot path; false means "not mine, pass it on" (and then
 * nothing was written). `requestId` is echoed in X-Request-Id.
 */
export type HotPath = (req: IncomingMessage, res: ServerResponse, requestId?: string) => boolean;

const TEXT = "text/plain; charset=utf-8";
const INVALID_TOKEN = "Invalid or missing token. Issue a new one on the Token Access page of your organization.\n";

/**
 * Headers as name, value pairs in one array, written by one writeHead: Node then checks each once
 * and sets none of them one by one (setHeader per header cost the token check about 2 us, 8%).
 * `common` goes first: the answer's own headers follow it.
 */
type HeaderPairs = string[];

function text(res: ServerResponse, common: HeaderPairs, status: number, body: string, headers: HeaderPairs = []) {
  res.writeHead(status, [...common, "content-type", TEXT, "cache-control", "no-store", ...headers]);
  res.end(body);
}

function json(res: ServerResponse, common: HeaderPairs, status: number, body: unknown, headers: HeaderPairs = []) {
  res.writeHead(status, [...common, "content-type", "application/json", "cache-control", "no-store", "pragma", "no-cache", ...headers]);
  res.end(JSON.stringify(body));
}

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

/** For answers whose common headers were set one by one already. */
const NONE: HeaderPairs = [];

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
  answerHeaders = [],
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

  const fail = (res: ServerResponse, common: HeaderPairs, err: unknown) => {
    console.error(JSON.stringify({ level: "error", msg: "token hot path failed", ...describeError(err) }));
    if (!res.headersSent) text(res, common, 503, "Token checks are unavailable right now. Try again shortly.\n", ["retry-after", "1"]);
    else res.destroy();
  };

  async function check(req: IncomingMessage, res: ServerResponse, common: HeaderPairs) {
    if (req.method !== "GET" && req.method !== "HEAD") return text(res, common, 405, "Use GET.\n", ["allow", "GET, HEAD"]);
    const verdict = await checker.check(tokenFromCheckRequest(req));
    if (!verdict.valid) return text(res, common, 401, INVALID_TOKEN, ["www-authenticate", 'Bearer realm="channels"']);
    // Only nginx's auth_request names a channel (X-Original-URI); a plain check skips the await.
    const original = req.headers["x-original-uri"];
    const status = typeof original === "string" && original.startsWith("/t/") ? await channelStatus(verdict, original) : 204;
    if (status === 403) return text(res, common, 403, FORBIDDEN_CHANNEL);
    if (status === 404) return text(res, common, 404, "Not found.\n");
    usage.record(verdict.tokenId);
    res.writeHead(204, [
      ...common,
      "x-org-id",
      verdict.orgId,
      "x-user-id",
      verdict.userId,
      "x-token-expires-at",
      verdict.expiresAt.toISOString(),
      "cache-control",
      "no-store",
    ]);
    res.end();
  }

  async function introspect(req: IncomingMessage, res: ServerResponse, common: HeaderPairs) {
    if (req.method !== "POST")
      return json(res, common, 405, { error: "invalid_request", error_description: "Use POST." }, ["allow", "POST"]);
    const caller = await authenticateIntrospection(req.headers);
    if (!caller) {
      req.resume();
      return json(res, common, 401, { error: "invalid_client", error_description: "Authenticate as a service account (HTTP Basic)." }, [
        "www-authenticate",
        'Basic realm="introspect"',
      ]);
    }
    const body = await readBody(req, 8192);
    if (body === null) return json(res, common, 413, { error: "invalid_request", error_description: "Request body too large." });
    const token = tokenParam(req.headers["content-type"], body);
    if (!token) return json(res, common, 400, { error: "invalid_request", error_description: "The token parameter is required." });
    const verdict: TokenVerdict = await checker.check(token);
    // A caller learns only about tokens of its own org (RFC 7662 section 4: no enumeration).
    if (!verdict.valid || verdict.orgId !== caller.orgId) return json(res, common, 200, { active: false });
    return json(res, common, 200, {
      active: true,
      token_type: "member_token",
      sub: verdict.userId,
      org_id: verdict.orgId,
      exp: Math.floor(verdict.expiresAt.getTime() / 1000),
      iat: Math.floor(verdict.issuedAt.getTime() / 1000),
    });
  }

  async function channel(req: IncomingMessage, res: ServerResponse, pathname: string, common: HeaderPairs) {
    // The file senders set their own headers by name: these go first, one by one (a download's
    // cost is its bytes, not its headers).
    for (let i = 0; i < common.length; i += 2) res.setHeader(common[i], common[i + 1]);
    const parts = pathname.slice(3).split("/");
    const verdict = await checker.check(parts[0]);
    if (!verdict.valid) return text(res, NONE, 401, INVALID_TOKEN, ["www-authenticate", 'Bearer realm="channels"']);
    if (req.method !== "GET" && req.method !== "HEAD") return text(res, NONE, 405, "Use GET.\n", ["allow", "GET, HEAD"]);
    const wanted = parseChannelPath(parts.slice(1));
    if (!wanted) return text(res, NONE, 400, "Bad path.\n");
    // The token's org's channel first; another org's channel is simply not there (404 below).
    const decision = await catalog.decide(verdict, wanted.channel);
    if (decision.kind === "forbidden") return text(res, NONE, 403, FORBIDDEN_CHANNEL);
    if (decision.kind === "org") {
      usage.record(verdict.tokenId);
      return serveOrgChannel(orgChannels, req, res, decision.channel, wanted.segments);
    }
    const found = await resolveChannelFile(channelsDir, wanted);
    if (!found) return text(res, NONE, 404, "Not found.\n");
    const status = sendFile(req, res, found.file, found.stat, fileCache);
    if (status < 400) usage.record(verdict.tokenId);
  }

  return (req, res, requestId) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    const common = requestId ? [...answerHeaders, "x-request-id", requestId] : answerHeaders;
    let work: Promise<void>;
    if (pathname === "/api/tokens/check") work = check(req, res, common);
    else if (pathname === "/api/tokens/introspect") work = introspect(req, res, common);
    else if (pathname.startsWith("/t/")) work = channel(req, res, pathname, common);
    else return false;
    // A channel answer has set `common` one by one already: writing it again replaces, not repeats.
    work.catch((err) => fail(res, common, err));
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

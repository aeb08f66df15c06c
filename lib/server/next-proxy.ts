// server.ts's side of the Next.js app process (lib/server/next-process.ts): starts it, passes it
// the requests server.ts does not answer itself over a private Unix socket, and, on the embedded
// database, reaches PGlite through it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { RemotePglite } from "@/db/pglite-bridge";
import { Coalescer } from "@/lib/domain/tokens/check/invalidation";
import { describeError } from "@/lib/observability/describe-error";
import { LOGGED_ELSEWHERE } from "@/lib/observability/instrument";

// Per connection, not per request (RFC 9110 section 7.6.1): never passed on.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

export type NextProcess = {
  /** Resolves when Next.js answers requests; rejects if the process ended before. */
  ready: Promise<void>;
  /** The embedded database through the app process (only when it owns PGlite). */
  database: RemotePglite;
  /** On PostgreSQL: tells the app process that the migrations are applied (it then starts its workers). */
  schemaIsCurrent: () => void;
  proxy: (req: IncomingMessage, res: ServerResponse) => void;
  stop: () => Promise<void>;
  onExit: (listener: (code: number | null) => void) => void;
};

/**
 * `ownsDatabase`: the Next.js process owns PGlite and this process uses it through the bridge.
 * Then each answer waits for a ping round trip on the bridge before it leaves (shared by answers
 * leaving together): every token-state notification the Next.js process sent before its answer
 * has then reached the token cache here, so a caller who saw a revoke is refused on its next check,
 * without the check itself waiting on the other process (lib/domain/tokens/check/invalidation.ts).
 */
export function startNextProcess(root: string, ownsDatabase: boolean): NextProcess {
  // A private folder: only this user can connect, and the socket is the only door in.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-next-"));
  fs.chmodSync(dir, 0o700);
  const socketPath = path.join(dir, "next.sock");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/server/next-process.ts"), socketPath, root], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    // The environment is server.ts's own (npm start sets NODE_ENV=production for both).
    serialization: "advanced",
  });
  const database = new RemotePglite(child);
  let exited = false;
  const ready = new Promise<void>((resolve, reject) => {
    child.on("message", (m) => {
      if (typeof m === "object" && m !== null && (m as { next?: string }).next === "ready") resolve();
    });
    child.once("exit", (code) => reject(new Error(`the Next.js process exited (${code})`)));
  });
  ready.catch(() => {});
  child.once("exit", () => {
    exited = true;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  // Idle connections are dropped here (30 s) before the Next.js process would close them (65 s).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 });
  const fence = ownsDatabase ? new Coalescer(() => database.ping().then(() => {})) : null;

  function forward(req: IncomingMessage, res: ServerResponse, retry = true) {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    // The body framing is Node's to choose again for the second hop.
    if (req.headers["transfer-encoding"]) headers["transfer-encoding"] = "chunked";
    headers["x-request-id"] = res.getHeader("x-request-id") as string | undefined;
    let callerGone = false;
    const upstream = http.request({ socketPath, agent, method: req.method, path: req.url, headers }, (answer) => {
      if (fence)
        fence.wait().then(
          () => pass(answer),
          () => pass(answer),
        );
      else pass(answer);
    });
    const pass = (answer: IncomingMessage) => {
      // The Next.js process writes this request's log line (it knows the actor); metrics are ours.
      (res as ServerResponse & { [LOGGED_ELSEWHERE]?: boolean })[LOGGED_ELSEWHERE] = true;
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    };
    upstream.on("error", (err: NodeJS.ErrnoException) => {
      if (callerGone) return;
      // A kept-alive connection the Next.js process had just closed: nothing reached it, so the
      // request is sent once more on a new connection (what Node's documentation advises).
      if (retry && upstream.reusedSocket && !res.headersSent && (err.code === "ECONNRESET" || err.message === "socket hang up")) {
        const hasBody = req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;
        if (!hasBody) return forward(req, res, false);
      }
      if (!res.headersSent) {
        console.error(JSON.stringify({ level: "error", msg: "the Next.js process did not answer", ...describeError(err) }));
        res.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end("The app is restarting. Try again shortly.\n");
      } else res.destroy();
    });
    // The caller went away: stop the work behind it.
    res.on("close", () => {
      if (res.writableFinished) return;
      callerGone = true;
      upstream.destroy();
    });
    // A retry finds the (bodiless) request already read.
    if (req.readableEnded) upstream.end();
    else req.pipe(upstream);
  }

  return {
    ready,
    database,
    schemaIsCurrent() {
      if (!exited && child.connected) child.send({ schema: "current" });
    },
    proxy(req, res) {
      if (exited) {
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" }).end("The app is not running.\n");
        return;
      }
      ready.then(
        () => forward(req, res),
        () => res.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("The app did not start.\n"),
      );
    },
    async stop() {
      agent.destroy();
      if (exited) return;
      await new Promise((resolve) => {
        child.once("exit", resolve);
        // A message, not a signal: the app process cannot tell our SIGTERM from one sent to the
        // whole group, which must wait for this (lib/server/next-process.ts).
        if (child.connected) child.send({ stop: true });
        else child.kill("SIGTERM");
      });
    },
    onExit(listener) {
      child.once("exit", (code) => listener(code));
    },
  };
}

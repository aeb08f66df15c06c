import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { config } from "@/lib/config";
import type { Metrics } from "./metrics";
import { orgFromPath, routeLabel } from "./route-label";

const HOT_PATH = /^\/(t\/|api\/tokens\/(check|introspect)$)/;
const SANE_REQUEST_ID = /^[\w.-]{1,100}$/;

/** Set on an answer the Next.js process gave: that process writes its log line (it knows the actor). */
export const LOGGED_ELSEWHERE = Symbol("logged-elsewhere");
const STATE = Symbol("request-state");
type RequestState = { started: number; requestId: string; pathname: string; method: string };
type Tracked = ServerResponse & { [STATE]?: RequestState; [LOGGED_ELSEWHERE]?: boolean };

/**
 * Wraps the server's request listener: gives each request an id (X-Request-Id; the listener
 * echoes it, so that the token check can write all its headers at once),
 * records metrics, and writes one JSON log line when the response is finished. The token hot path
 * (thousands of requests a second) is counted and logged only when asked (LOG_HOT_PATH=1), so
 * logging does not become its bottleneck.
 *
 * Cheap on purpose, because it runs for every token check: no AsyncLocalStorage (the Next.js
 * process keeps the request context the app notes the actor in, and logs the requests it answers),
 * no closure per request (one shared `finish` listener reads the state left on the response),
 * metrics kept as plain numbers until scraped (request-series.ts).
 */
export function instrument(metrics: Metrics, listener: (req: IncomingMessage, res: ServerResponse, requestId: string) => void) {
  const logHotPath = config().logHotPath;

  function finished(this: Tracked) {
    const state = this[STATE]!;
    const seconds = (performance.now() - state.started) / 1000;
    const route = routeLabel(state.pathname);
    metrics.observeRequest(route, state.method, this.statusCode, seconds);
    if (this[LOGGED_ELSEWHERE] || (!logHotPath && HOT_PATH.test(state.pathname))) return;
    console.log(
      JSON.stringify({
        level: this.statusCode >= 500 ? "error" : "info",
        msg: "request",
        time: new Date().toISOString(),
        request_id: state.requestId,
        method: state.method,
        route,
        status: this.statusCode,
        duration_ms: Math.round(seconds * 10_000) / 10,
        org: orgFromPath(state.pathname),
      }),
    );
  }

  return (req: IncomingMessage, res: Tracked) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    res[STATE] = { started: performance.now(), requestId, pathname: q === -1 ? url : url.slice(0, q), method: req.method ?? "GET" };
    res.on("finish", finished);
    listener(req, res, requestId);
  };
}

import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { config } from "@/lib/config";
import type { Metrics } from "./metrics";
import { requestContext, type RequestContext } from "./request-context";
import { orgFromPath, routeLabel } from "./route-label";

const HOT_PATH = /^\/(t\/|api\/tokens\/(check|introspect)$)/;
// The token hot path answers thousands of requests a second: it is counted in the metrics and
// logged only when asked (LOG_HOT_PATH=1), so logging does not become its bottleneck.

/**
 * Wraps the server's request listener: gives each request an id (X-Request-Id, echoed back),
 * runs it inside a request context the app can name the actor in, records metrics, and writes
 * one JSON log line when the response is finished.
 */
export function instrument(metrics: Metrics, listener: (req: IncomingMessage, res: ServerResponse) => void) {
  const logHotPath = config().logHotPath;
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-request-id", requestId);
    const pathname = (req.url ?? "/").split("?")[0];
    const ctx: RequestContext = { requestId, org: orgFromPath(pathname) };
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(pathname);
      metrics.observeRequest(route, req.method ?? "GET", res.statusCode, seconds);
      if (HOT_PATH.test(pathname) && !logHotPath) return;
      console.log(
        JSON.stringify({
          level: res.statusCode >= 500 ? "error" : "info",
          msg: "request",
          time: new Date().toISOString(),
          request_id: requestId,
          method: req.method,
          route,
          status: res.statusCode,
          duration_ms: Math.round(seconds * 10_000) / 10,
          actor: ctx.actor,
          org: ctx.org,
        }),
      );
    });
    requestContext.run(ctx, () => listener(req, res));
  };
}

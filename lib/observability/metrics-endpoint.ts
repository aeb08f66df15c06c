import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { config } from "@/lib/config";
import type { Metrics } from "./metrics";

const digest = (s: string) => createHash("sha256").update(s).digest();

function sendProblem(res: ServerResponse, status: 401 | 404, code: string, detail: string, headers: Record<string, string> = {}) {
  const title = status === 401 ? "Unauthorized" : "Not Found";
  res.writeHead(status, { "content-type": "application/problem+json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify({ type: `https://org-portal.dev/problems/${code}`, title, status, code, detail }));
}

/**
 * GET /api/metrics (Prometheus text format), answered by the node:http server. The metrics name
 * routes, orgs' traffic and the outbox backlog, so they are for the operator's monitoring only:
 * without METRICS_TOKEN the endpoint does not exist (404); with it, a scrape must send
 * `Authorization: Bearer <METRICS_TOKEN>`. Returns false for any other path.
 */
export function serveMetricsEndpoint(metrics: Metrics, req: IncomingMessage, res: ServerResponse, token = config().metricsToken): boolean {
  if ((req.url ?? "/").split("?")[0] !== "/api/metrics") return false;
  if (!token) {
    sendProblem(res, 404, "not_found", "Not found.");
    return true;
  }
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
  // Compared as digests: equal length, and the comparison takes the same time however much matches.
  if (!sent || !timingSafeEqual(digest(sent), digest(token))) {
    sendProblem(res, 401, "unauthenticated", "Send Authorization: Bearer <METRICS_TOKEN>.", {
      "www-authenticate": 'Bearer realm="metrics"',
    });
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Method Not Allowed\n");
    return true;
  }
  metrics.registry
    .metrics()
    .then((body) => {
      res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    })
    .catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error\n");
    });
  return true;
}

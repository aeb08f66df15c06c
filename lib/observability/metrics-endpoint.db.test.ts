import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxBacklog } from "@/lib/email/backlog";
import { useTestDatabase } from "@/test/db";
import { instrument } from "./instrument";
import { createMetrics } from "./metrics";
import { serveMetricsEndpoint } from "./metrics-endpoint";
import { UNMATCHED_ROUTE } from "./route-label";

// The metrics endpoint as server.ts mounts it: instrumented listener, real registry and backlog.
useTestDatabase();

const TOKEN = "metrics-token-0123456789abcdef";
const servers: http.Server[] = [];

async function start(token: string | undefined) {
  const metrics = createMetrics(outboxBacklog);
  const server = http.createServer(
    instrument(metrics, (req, res) => {
      if (serveMetricsEndpoint(metrics, req, res, token)) return;
      res.writeHead(404).end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let silent: typeof console.log;
beforeAll(() => {
  // The instrumented listener logs one line per request.
  silent = console.log;
  console.log = () => {};
});
afterAll(async () => {
  console.log = silent;
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("GET /api/metrics", () => {
  it("does not exist while METRICS_TOKEN is unset", async () => {
    const base = await start(undefined);
    expect((await fetch(`${base}/api/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/api/metrics`, { headers: { authorization: "Bearer anything-at-all-here" } })).status).toBe(404);
  });

  it("answers only the bearer of METRICS_TOKEN", async () => {
    const base = await start(TOKEN);
    const anonymous = await fetch(`${base}/api/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await anonymous.text()).not.toContain("http_requests_total");
    expect((await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${base}/api/metrics`, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    expect((await fetch(`${base}/api/metrics?x=1`, { headers: { authorization: "Bearer short" } })).status).toBe(401);

    const ok = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    const body = await ok.text();
    expect(body).toContain("http_requests_total");
    expect(body).toContain('email_outbox_messages{status="pending"} 0');
  });

  it("counts random URLs under one route label, so they cannot grow the series", async () => {
    const base = await start(TOKEN);
    for (let i = 0; i < 200; i++) await fetch(`${base}/random-${i}/${Math.random().toString(36).slice(2)}?q=${i}`);
    await fetch(`${base}/organizations/acme/users`);
    const body = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const routes = new Set([...body.matchAll(/^http_requests_total\{route="([^"]*)"/gm)].map((m) => m[1]));
    // The scrape itself is counted once its answer is finished, after this body was written.
    expect([...routes].sort()).toEqual(["/organizations/{orgId}/users", UNMATCHED_ROUTE].sort());
    expect(body).toContain(`http_requests_total{route="${UNMATCHED_ROUTE}",method="GET",status="404"} 200`);
  });
});

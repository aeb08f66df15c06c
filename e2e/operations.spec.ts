import { expect, test } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "./ports";

test("requests carry a request id, and /api/metrics exposes to its token holder requests, token checks and the outbox backlog", async ({
  request,
}) => {
  const health = await request.get("/api/health", { headers: { "x-request-id": "probe-123" } });
  expect(health.headers()["x-request-id"]).toBe("probe-123");
  expect((await request.get("/api/health")).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect((await request.get("/api/tokens/check", { headers: { authorization: "Bearer opt_not-a-token" } })).status()).toBe(401);

  // Only the bearer of METRICS_TOKEN may scrape.
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status()).toBe(401);
  const metrics = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(metrics.status()).toBe(200);
  expect(metrics.headers()["content-type"]).toContain("text/plain");
  const body = await metrics.text();
  expect(body).toMatch(/http_requests_total\{route="\/api\/health",method="GET",status="200"\} \d+/);
  expect(body).toMatch(/token_checks_total\{result="invalid"\} [1-9]/);
  expect(body).toMatch(/email_outbox_messages\{status="pending"\} \d+/);
  expect(body).toContain("http_request_duration_seconds_bucket");
});

import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetrics } from "./metrics";
import { RequestSeries } from "./request-series";

const BOUNDS = [0.001, 0.01, 1];
const lines = (text: string, name: string) => text.split("\n").filter((l) => l.startsWith(name));

describe("RequestSeries", () => {
  it("renders the same histogram text as prom-client's own Histogram", async () => {
    const ours = new Registry();
    const series = new RequestSeries(BOUNDS);
    ours.registerMetric(series.histogram("d_seconds", "durations"));
    const theirs = new Registry();
    const reference = new Histogram({ name: "d_seconds", help: "durations", labelNames: ["route"], buckets: BOUNDS, registers: [theirs] });
    for (const [route, seconds] of [
      ["/a", 0.0005],
      ["/a", 0.001],
      ["/a", 0.5],
      ["/b", 3],
    ] as const) {
      series.observe(route, "GET", 200, seconds);
      reference.observe({ route }, seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it("counts requests by route, method and status, and verdicts by result, as scraped counters", async () => {
    const metrics = createMetrics(async () => ({ pending: 0, dead: 0 }));
    metrics.observeRequest("/api/tokens/check", "GET", 204, 0.0004);
    metrics.observeRequest("/api/tokens/check", "GET", 204, 0.0004);
    metrics.observeRequest("/api/tokens/check", "GET", 401, 0.0004);
    metrics.observeTokenCheck("valid");
    metrics.observeTokenCheck("invalid");
    const first = await metrics.registry.metrics();
    expect(lines(first, "http_requests_total")).toEqual([
      'http_requests_total{route="/api/tokens/check",method="GET",status="204"} 2',
      'http_requests_total{route="/api/tokens/check",method="GET",status="401"} 1',
    ]);
    expect(lines(first, "token_checks_total")).toEqual(['token_checks_total{result="valid"} 1', 'token_checks_total{result="invalid"} 1']);
    // Counted between scrapes, not twice.
    metrics.observeTokenCheck("valid");
    expect(lines(await metrics.registry.metrics(), "token_checks_total")[0]).toBe('token_checks_total{result="valid"} 2');
  });
});

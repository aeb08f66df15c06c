import { Gauge, Registry, collectDefaultMetrics } from "prom-client";
import { CounterSeries, RequestSeries } from "./request-series";

/**
 * The process's Prometheus metrics (prom-client). Recorded by server.ts, which sees every
 * request, including the token hot path that never reaches Next.js.
 */
export function createMetrics(outboxBacklog: () => Promise<{ pending: number; dead: number }>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Plain numbers on the request path, rendered at scrape time (request-series.ts).
  const series = new RequestSeries([0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);
  registry.registerMetric(series.counter("http_requests_total", "HTTP requests by route, method and status"));
  registry.registerMetric(series.histogram("http_request_duration_seconds", "HTTP request durations by route"));
  const verdicts = new CounterSeries();
  registry.registerMetric(
    verdicts.metric("token_checks_total", "Token checks (check endpoint, introspection and channel downloads) by result"),
  );
  new Gauge({
    name: "email_outbox_messages",
    help: "Email outbox messages waiting to be sent (pending) or given up on (dead)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const backlog = await outboxBacklog();
      this.set({ status: "pending" }, backlog.pending);
      this.set({ status: "dead" }, backlog.dead);
    },
  });
  return {
    registry,
    observeRequest(route: string, method: string, status: number, seconds: number) {
      series.observe(route, method, status, seconds);
    },
    observeTokenCheck(result: "valid" | "invalid") {
      if (!verdicts.inc(result)) verdicts.add(result, { result });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

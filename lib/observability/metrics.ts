import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics (prom-client). Recorded by server.ts, which sees every
 * request, including the token hot path that never reaches Next.js.
 */
export function createMetrics(outboxBacklog: () => Promise<{ pending: number; dead: number }>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by route, method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request durations by route",
    labelNames: ["route"] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const tokenChecks = new Counter({
    name: "token_checks_total",
    help: "Token checks (check endpoint, introspection and channel downloads) by result",
    labelNames: ["result"] as const,
    registers: [registry],
  });
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
  // prom-client resolves a label set to its series on every inc/observe (sorting and joining the
  // labels); the token check would pay that twice per request. Each series is looked up once.
  // Routes are bounded labels (route-label.ts), methods and statuses few, so these maps stay small.
  const requestSeries = new Map<string, Counter.Internal>();
  const durationSeries = new Map<string, Histogram.Internal<"route">>();
  const verdicts = { valid: tokenChecks.labels("valid"), invalid: tokenChecks.labels("invalid") };
  return {
    registry,
    observeRequest(route: string, method: string, status: number, seconds: number) {
      const key = `${status} ${method} ${route}`;
      let counter = requestSeries.get(key);
      if (!counter) requestSeries.set(key, (counter = requests.labels(route, method, String(status))));
      counter.inc();
      let histogram = durationSeries.get(route);
      if (!histogram) durationSeries.set(route, (histogram = durations.labels(route)));
      histogram.observe(seconds);
    },
    observeTokenCheck(result: "valid" | "invalid") {
      verdicts[result].inc();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

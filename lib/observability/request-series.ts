import type { Metric } from "prom-client";

/**
 * The per-request metrics (http_requests_total, http_request_duration_seconds, token_checks_total)
 * as plain numbers while requests run, turned into prom-client's metric shape only when
 * /api/metrics is scraped. prom-client finds a series by validating and hashing its labels on
 * every inc() and observe(), even through labels(); on the token check that was about 1 us a
 * request (4% of it). The registry renders these like its own counter and histogram (same text).
 */
type Labels = Record<string, string | number>;
type Sample = { metricName?: string; labels: Labels; value: number };
type DurationSeries = { route: string; buckets: Float64Array; sum: number; count: number };

/** A counter by label set; each set is found by a key its caller makes (cheaper than labels). */
export class CounterSeries {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  /** Adds one to the series of `key`; false when it has none yet (then `add` it). */
  inc(key: string): boolean {
    const found = this.series.get(key);
    if (found) found.value++;
    return !!found;
  }

  /** A new series for `key`, counted once. */
  add(key: string, labels: Labels) {
    this.series.set(key, { labels, value: 1 });
  }

  /** For Registry.registerMetric. */
  metric(name: string, help: string): Metric {
    return asMetric(name, help, "counter", () => [...this.series.values()].map(({ labels, value }) => ({ labels: { ...labels }, value })));
  }
}

export class RequestSeries {
  private readonly counts = new CounterSeries();
  private readonly durations = new Map<string, DurationSeries>();

  constructor(private readonly bounds: number[]) {}

  observe(route: string, method: string, status: number, seconds: number) {
    const key = `${status} ${method} ${route}`;
    if (!this.counts.inc(key)) this.counts.add(key, { route, method, status: String(status) });
    let duration = this.durations.get(route);
    if (!duration) this.durations.set(route, (duration = { route, buckets: new Float64Array(this.bounds.length), sum: 0, count: 0 }));
    // Per bucket here, cumulative when scraped: one increment per request.
    for (let i = 0; i < this.bounds.length; i++) {
      if (seconds <= this.bounds[i]) {
        duration.buckets[i]++;
        break;
      }
    }
    duration.sum += seconds;
    duration.count++;
  }

  /** The counter, for Registry.registerMetric. */
  counter(name: string, help: string): Metric {
    return this.counts.metric(name, help);
  }

  /** The histogram, for Registry.registerMetric. */
  histogram(name: string, help: string): Metric {
    return asMetric(name, help, "histogram", () => {
      const samples: Sample[] = [];
      for (const { route, buckets, sum, count } of this.durations.values()) {
        let cumulative = 0;
        for (let i = 0; i < this.bounds.length; i++) {
          cumulative += buckets[i];
          samples.push({ metricName: `${name}_bucket`, labels: { le: this.bounds[i], route }, value: cumulative });
        }
        samples.push({ metricName: `${name}_bucket`, labels: { le: "+Inf", route }, value: count });
        samples.push({ metricName: `${name}_sum`, labels: { route }, value: sum });
        samples.push({ metricName: `${name}_count`, labels: { route }, value: count });
      }
      return samples;
    });
  }
}

/**
 * What the registry reads of a metric: name, help, type, aggregator and get(). prom-client types a
 * metric as one of its classes, hence the cast.
 */
function asMetric(name: string, help: string, type: "counter" | "histogram", samples: () => Sample[]): Metric {
  const metric = { name, help, type, aggregator: "sum", get: async () => ({ name, help, type, aggregator: "sum", values: samples() }) };
  return metric as unknown as Metric;
}

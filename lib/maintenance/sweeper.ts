import { lt } from "drizzle-orm";
import { db, t } from "@/db";
import { describeError } from "@/lib/observability/describe-error";
import { sweepIdempotencyKeys } from "@/lib/http/idempotency";
import { sweepWebhookDeliveries } from "@/lib/webhooks/retention";

/** Rate-limit counters whose window is over: the limiter treats them as absent anyway. */
export async function sweepRateLimits(now = new Date()) {
  const gone = await db().delete(t.rateLimits).where(lt(t.rateLimits.expire, now)).returning({ key: t.rateLimits.key });
  return gone.length;
}

/** One pass: expired idempotency keys, rate-limit rows, and webhook deliveries past the log's retention. */
export async function sweepExpired(now = new Date()) {
  return {
    idempotencyKeys: await sweepIdempotencyKeys(now),
    rateLimits: await sweepRateLimits(now),
    webhookDeliveries: await sweepWebhookDeliveries(now),
  };
}

/**
 * Sweeps every `intervalMs` (first pass soon after start) so neither table grows with every
 * client and key ever seen. Returns a stop function. Several processes sweeping is harmless.
 */
export function startSweeper(intervalMs = 10 * 60_000) {
  const run = () =>
    void sweepExpired().catch((err: unknown) =>
      console.error(JSON.stringify({ level: "warn", msg: "sweep of expired rows failed", ...describeError(err) })),
    );
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

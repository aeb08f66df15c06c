import { RateLimiterDrizzle } from "rate-limiter-flexible";
import { db, t, type Db } from "@/db";

type LimitOptions = { points: number; duration: number; blockDuration?: number };

const CACHE = Symbol.for("org-portal.rate-limiters");
type Global = typeof globalThis & { [CACHE]?: Map<string, { db: Db; limiters: Record<string, RateLimiterDrizzle> }> };

/**
 * Named groups of rate-limiter-flexible limiters stored in the `rate_limits` table, so every app
 * process shares the counters. A group is made once per database handle (tests switch handles)
 * and kept on globalThis, like the handle itself.
 */
export function drizzleLimiters<K extends string>(group: string, limits: Record<K, LimitOptions>): Record<K, RateLimiterDrizzle> {
  const g = globalThis as Global;
  const cache = (g[CACHE] ??= new Map());
  const current = db();
  const cached = cache.get(group);
  if (cached?.db === current) return cached.limiters as Record<K, RateLimiterDrizzle>;
  const limiters = Object.fromEntries(
    Object.entries<LimitOptions>(limits).map(([name, opts]) => [
      name,
      new RateLimiterDrizzle({
        storeClient: current,
        schema: t.rateLimits,
        keyPrefix: `${group}-${name}`,
        clearExpiredByTimeout: false,
        ...opts,
      }),
    ]),
  ) as Record<K, RateLimiterDrizzle>;
  cache.set(group, { db: current, limiters });
  return limiters;
}

import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";

// Requests per minute, per API client and per org; shared by every app process (in the database).
const PER_CLIENT = Number(process.env.API_RATE_LIMIT_PER_CLIENT ?? 600);
const PER_ORG = Number(process.env.API_RATE_LIMIT_PER_ORG ?? 2400);

const KEY = Symbol.for("org-portal.api-limiters");
type Limiters = { client: RateLimiterDrizzle; org: RateLimiterDrizzle };
type Global = typeof globalThis & { [KEY]?: { db: unknown; limiters: Limiters } };

function limiters(): Limiters {
  const g = globalThis as Global;
  const current = db();
  if (g[KEY]?.db !== current) {
    const make = (keyPrefix: string, points: number) =>
      new RateLimiterDrizzle({ storeClient: current, schema: t.rateLimits, keyPrefix, points, duration: 60, clearExpiredByTimeout: false });
    g[KEY] = { db: current, limiters: { client: make("api-client", PER_CLIENT), org: make("api-org", PER_ORG) } };
  }
  return g[KEY]!.limiters;
}

/** Counts one API call; throws rate_limited (429 with Retry-After) past the limit. */
export async function consumeApiCall(clientKey: string, orgId: string) {
  const l = limiters();
  try {
    await l.client.consume(clientKey);
    await l.org.consume(orgId);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many requests. Retry in ${seconds} seconds.`, undefined, "rate_limited", seconds);
  }
}

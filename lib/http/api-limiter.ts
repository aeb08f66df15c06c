import { RateLimiterRes } from "rate-limiter-flexible";
import { drizzleLimiters } from "@/lib/rate-limit";
import { AppError } from "@/lib/errors";

// Requests per minute, per API client and per org; shared by every app process (in the database).
const PER_CLIENT = Number(process.env.API_RATE_LIMIT_PER_CLIENT ?? 600);
const PER_ORG = Number(process.env.API_RATE_LIMIT_PER_ORG ?? 2400);

const limiters = () => drizzleLimiters("api", { client: { points: PER_CLIENT, duration: 60 }, org: { points: PER_ORG, duration: 60 } });

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

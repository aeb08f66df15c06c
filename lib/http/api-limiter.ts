import { RateLimiterRes } from "rate-limiter-flexible";
import { drizzleLimiters } from "@/lib/rate-limit";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

// Requests per minute, per API client and per org; shared by every app process (in the database).
const limiters = () => {
  const { perClient, perOrg } = config().apiRateLimit;
  return drizzleLimiters("api", { client: { points: perClient, duration: 60 }, org: { points: perOrg, duration: 60 } });
};

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

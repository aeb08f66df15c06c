import { RateLimiterRes } from "rate-limiter-flexible";
import { drizzleLimiters } from "@/lib/rate-limit";
import { AppError } from "@/lib/errors";

// Sign-in attempts are counted (successes are given back). Stored in the database so every app
// process shares them.
const limits = {
  email: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  ip: { points: 50, duration: 60 * 60, blockDuration: 15 * 60 },
};

const limiters = () => drizzleLimiters("login", limits);

const tooMany = (res: RateLimiterRes) => {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    "rate_limited",
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    undefined,
    "too_many_attempts",
    seconds,
  );
};

/**
 * Counts this sign-in attempt before the password is checked, and throws when the email or IP is
 * over its limit. The count is one atomic upsert: a read-then-count check would let parallel
 * guesses all pass before any failure was recorded.
 */
export async function takeLoginAttempt(email: string, ip: string | null | undefined) {
  const l = limiters();
  const results = await Promise.allSettled([l.email.consume(email), ip ? l.ip.consume(ip) : null]);
  for (const r of results) {
    if (r.status === "rejected") throw r.reason instanceof RateLimiterRes ? tooMany(r.reason) : r.reason;
  }
}

/** A successful sign-in forgets this email's failures and does not count against the IP. */
export async function clearLoginFailures(email: string, ip: string | null | undefined) {
  const l = limiters();
  await Promise.all([l.email.delete(email), ip ? l.ip.reward(ip, 1) : null]);
}

import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";

// Failed sign-ins only are counted. Stored in the database so every app process shares them.
const limits = {
  email: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  ip: { points: 50, duration: 60 * 60, blockDuration: 15 * 60 },
};

type Limiters = { email: RateLimiterDrizzle; ip: RateLimiterDrizzle };
const KEY = Symbol.for("org-portal.login-limiters");
type Global = typeof globalThis & { [KEY]?: { db: unknown; limiters: Limiters } };

function limiters(): Limiters {
  const g = globalThis as Global;
  const current = db();
  if (g[KEY]?.db !== current) {
    const make = (prefix: string, opts: (typeof limits)["email"]) =>
      new RateLimiterDrizzle({ storeClient: current, schema: t.rateLimits, keyPrefix: prefix, clearExpiredByTimeout: false, ...opts });
    g[KEY] = { db: current, limiters: { email: make("login-email", limits.email), ip: make("login-ip", limits.ip) } };
  }
  return g[KEY]!.limiters;
}

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

/** Throws before the password is even checked when this email or IP is blocked. */
export async function assertLoginAllowed(email: string, ip: string | null | undefined) {
  const l = limiters();
  const [byEmail, byIp] = await Promise.all([l.email.get(email), ip ? l.ip.get(ip) : null]);
  for (const [res, max] of [[byEmail, limits.email.points], [byIp, limits.ip.points]] as const) {
    if (res && res.consumedPoints >= max) throw tooMany(res);
  }
}

export async function recordLoginFailure(email: string, ip: string | null | undefined) {
  const l = limiters();
  await Promise.all([
    l.email.consume(email).catch(() => undefined),
    ip ? l.ip.consume(ip).catch(() => undefined) : undefined,
  ]);
}

export async function clearLoginFailures(email: string) {
  await limiters().email.delete(email);
}

import { RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "@/lib/authz/actor";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { drizzleLimiters } from "@/lib/rate-limit";

// Anti-automation for what a script could repeat to spam or squat: sign-ups, new organizations
// and invitation sends. Counted in the database (every app process shares them), per account
// and per IP address; an IP gets three times an account's budget (one office, many people).
const HOUR = 60 * 60;

type Action = "signUp" | "orgCreation" | "invitation";

const what: Record<Action, string> = {
  signUp: "sign-ups from your network",
  orgCreation: "new organizations",
  invitation: "invitations sent",
};

function limitsFor(action: Action) {
  const l = config().abuseLimits;
  const perAccount = action === "signUp" ? l.signUpsPerIp : action === "orgCreation" ? l.orgCreationsPerAccount : l.invitationsPerAccount;
  const perIp = action === "signUp" ? l.signUpsPerIp : perAccount * 3;
  // The numbers are part of the group name: a changed setting gets fresh limiters.
  return drizzleLimiters(`abuse-${action}-${perAccount}-${perIp}`, {
    account: { points: perAccount, duration: HOUR },
    ip: { points: perIp, duration: HOUR },
  });
}

const accountKey = (actor: Actor) =>
  actor.kind === "user" ? `user:${actor.userId}` : actor.kind === "service_account" ? `sa:${actor.serviceAccountId}` : null;

const tooMany = (action: Action, res: RateLimiterRes) => {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    "rate_limited",
    `Too many ${what[action]} for now. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    undefined,
    "rate_limited",
    seconds,
  );
};

/**
 * Counts one attempt of `action` by this account (none for a sign-up) and IP address, or throws
 * rate_limited with the seconds to wait (Retry-After). Called before the work's transaction.
 */
export async function takeAbuseBudget(action: Action, who: { actor?: Actor; ip?: string | null }) {
  const l = limitsFor(action);
  const account = who.actor && action !== "signUp" ? accountKey(who.actor) : null;
  const ip = who.ip ?? (who.actor && "ip" in who.actor ? who.actor.ip : null);
  const results = await Promise.allSettled([account ? l.account.consume(account) : null, ip ? l.ip.consume(ip) : null]);
  for (const r of results) {
    if (r.status === "rejected") throw r.reason instanceof RateLimiterRes ? tooMany(action, r.reason) : r.reason;
  }
}

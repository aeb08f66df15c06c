import { RateLimiterRes } from "rate-limiter-flexible";
import { drizzleLimiters } from "@/lib/rate-limit";
import { takeAbuseBudget } from "@/lib/auth/abuse-limits";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";

// Per org: how often people may be invited or re-sent an invitation, and how many addresses.
// Stored in the database so every app process shares the counters.
export const inviteLimits = {
  requests: { points: 30, duration: 10 * 60 },
  addresses: { points: 25_000, duration: 60 * 60 },
};

const limiters = () => drizzleLimiters("invite", inviteLimits);

/**
 * Counts one invite or resend request of `addresses` addresses against the org's budget, or
 * throws a rate_limited error that says when to try again. Called before the transaction.
 */
export async function consumeInviteBudget(orgId: string, addresses: number, actor?: Actor) {
  // The sender's own budget (account and IP) first: a script with many orgs is still one sender.
  if (actor) await takeAbuseBudget("invitation", { actor });
  const l = limiters();
  try {
    await l.requests.consume(orgId, 1);
    if (addresses > 0) await l.addresses.consume(orgId, addresses);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      "rate_limited",
      `This organization has sent too many invitations for now. Nothing was sent; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      undefined,
      "invite_rate_limited",
      seconds,
    );
  }
}

import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import { actorFromAccessToken } from "@/lib/domain/tokens/api-access/bearer";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { hashToken, isWellFormedToken, TOKEN_PREFIX } from "@/lib/domain/tokens/member/format";
import { loadTokenState } from "@/lib/domain/tokens/check/token-validity";

const unauthenticated = (sent: boolean) =>
  new AppError(
    "unauthenticated",
    sent ? "The token is invalid, expired or revoked." : "Send your API access token or member token: Authorization: Bearer <token>.",
    undefined,
    sent ? "invalid_token" : "missing_token",
  );

/**
 * The caller of GET /api/users/me/access: a user's API access token (opa_...) or a member token
 * (opt_..., what a notebook server holds). A member token identifies its user while it is not
 * revoked and not expired; seat and subscription do not matter here, because the question is
 * "what may this person do", not "may this token download packages".
 */
export async function resolveAccessCaller(token: string | null, ip: string | null): Promise<Extract<Actor, { kind: "user" }>> {
  if (!token) throw unauthenticated(false);
  if (token.startsWith(TOKEN_PREFIX)) {
    if (!isWellFormedToken(token)) throw unauthenticated(true);
    const state = await loadTokenState(db(), hashToken(token));
    if (!state || state.revokedAt || state.expiresAt.getTime() <= Date.now()) throw unauthenticated(true);
    const [user] = await db()
      .select({ id: t.users.id, email: t.users.email, name: t.users.name })
      .from(t.users)
      .where(eq(t.users.id, state.userId))
      .limit(1);
    if (!user) throw unauthenticated(true);
    return { kind: "user", userId: user.id, label: user.email ?? user.name, ip };
  }
  const actor = await actorFromAccessToken(token, ip);
  if (!actor || actor.kind === "anonymous") throw unauthenticated(true);
  if (actor.kind !== "user") {
    throw new AppError("forbidden", "A service account has no access of its own; read GET /api/organizations/{orgId}/settings.");
  }
  return actor;
}

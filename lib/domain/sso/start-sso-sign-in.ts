import { lt } from "drizzle-orm";
import { RateLimiterRes } from "rate-limiter-flexible";
import { db, t } from "@/db";
import { open } from "@/lib/auth/secret-box";
import { AppError } from "@/lib/errors";
import { drizzleLimiters } from "@/lib/rate-limit";
import { startSsoSchema } from "@/lib/validation/sso";
import { parseInput } from "@/lib/validation/parse";
import { findOrgByVerifiedDomain } from "../domains/find-org-by-verified-domain";
import { findSsoConnection } from "./get-sso-connection";
import { describeOidcFailure, discoverIssuer, oidc, ssoRedirectUri } from "./oidc";
import { clientSecretPurpose } from "./save-sso-connection";
import { hashSsoSecret, newSsoSecret, NO_SSO_MESSAGE, SSO_LOGIN_TTL_MS } from "./sso-secrets";

// Each start costs a discovery request to an IdP and a row: counted per IP address and per email.
const limiters = () =>
  drizzleLimiters("sso-start", {
    ip: { points: 30, duration: 5 * 60 },
    email: { points: 10, duration: 5 * 60 },
  });

async function takeStartBudget(email: string, ip: string | null | undefined) {
  const l = limiters();
  const results = await Promise.allSettled([l.email.consume(email), ip ? l.ip.consume(ip) : null]);
  for (const r of results) {
    if (r.status !== "rejected") continue;
    if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
    const seconds = Math.max(1, Math.ceil(r.reason.msBeforeNext / 1000));
    throw new AppError(
      "rate_limited",
      `Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      undefined,
      "rate_limited",
      seconds,
    );
  }
}

/**
 * Sign in with SSO, first step: the email's domain picks the org (only a verified domain counts),
 * the org's connection gives the IdP. Stores state, nonce and PKCE verifier under the hash of a
 * random key the caller puts in an httpOnly cookie, and returns the IdP's authorization URL.
 * `returnTo` must already be a safe path of this app.
 */
export async function startSsoSignIn(input: unknown, ctx: { ip?: string | null; returnTo?: string | null } = {}) {
  const { email } = parseInput(startSsoSchema, input);
  await takeStartBudget(email, ctx.ip);
  const org = await findOrgByVerifiedDomain(email);
  const connection = org ? await findSsoConnection(org.orgId) : null;
  if (!org || !connection) throw new AppError("not_found", NO_SSO_MESSAGE, { email: NO_SSO_MESSAGE }, "sso_not_configured");
  let config: oidc.Configuration;
  try {
    config = await discoverIssuer(connection.issuer, connection.clientId, open(clientSecretPurpose(org.orgId), connection.clientSecretEnc));
  } catch (err) {
    console.error(JSON.stringify({ level: "warn", msg: "sso discovery failed", orgId: org.orgId, reason: describeOidcFailure(err) }));
    throw new AppError(
      "internal",
      "Your organization's identity provider could not be reached. Try again later, or ask your admin.",
      undefined,
      "sso_failed",
    );
  }
  const key = newSsoSecret();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = Date.now();
  await db().transaction(async (tx) => {
    // Spent and expired rows are of no use to anyone: each start sweeps them.
    await tx.delete(t.ssoLogins).where(lt(t.ssoLogins.expiresAt, new Date(now - SSO_LOGIN_TTL_MS)));
    await tx.insert(t.ssoLogins).values({
      keyHash: hashSsoSecret(key),
      orgId: org.orgId,
      state,
      nonce,
      codeVerifier,
      returnTo: ctx.returnTo ?? null,
      expiresAt: new Date(now + SSO_LOGIN_TTL_MS),
    });
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(),
    scope: "openid email profile",
    response_type: "code",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    login_hint: email,
  });
  return { key, redirectUrl: url.href };
}

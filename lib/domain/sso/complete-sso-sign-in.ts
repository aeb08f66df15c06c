import { and, eq, gt, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { open } from "@/lib/auth/secret-box";
import { describeError } from "@/lib/observability/describe-error";
import { emailSchema } from "@/lib/validation/common";
import { findOrgByVerifiedDomain } from "../domains/find-org-by-verified-domain";
import { findSsoConnection } from "./get-sso-connection";
import { describeOidcFailure, discoverIssuer, oidc } from "./oidc";
import { provisionSsoUser } from "./provision-sso-user";
import { clientSecretPurpose } from "./save-sso-connection";
import { hashSsoSecret, newSsoSecret, SSO_TICKET_TTL_MS } from "./sso-secrets";

import { ssoFailure as failed } from "./sso-failures";

/**
 * Sign in with SSO, the callback: spends the browser's sign-in row (a replay finds it spent), lets
 * openid-client check state, PKCE, the ID token's signature, issuer, audience, expiry and nonce,
 * accepts the email only in a domain the same org has verified, then provisions the account and
 * mints a single-use login ticket (2 minutes) for the "sso" credentials provider.
 * `caller` is the browser (anonymous, with its IP); `callbackUrl` is the redirect URI with the query the IdP sent.
 */
export async function completeSsoSignIn(caller: Actor, key: string | null | undefined, callbackUrl: URL) {
  if (!key) throw failed("expired");
  const [login] = await db()
    .update(t.ssoLogins)
    .set({ usedAt: new Date() })
    .where(and(eq(t.ssoLogins.keyHash, hashSsoSecret(key)), isNull(t.ssoLogins.usedAt), gt(t.ssoLogins.expiresAt, new Date())))
    .returning();
  if (!login) throw failed("expired");
  const idpError = callbackUrl.searchParams.get("error");
  if (idpError) throw failed("idp");

  const connection = await findSsoConnection(login.orgId);
  if (!connection) throw failed("removed");
  let claims: Record<string, unknown>;
  try {
    const config = await discoverIssuer(
      connection.issuer,
      connection.clientId,
      open(clientSecretPurpose(login.orgId), connection.clientSecretEnc),
    );
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      expectedState: login.state,
      expectedNonce: login.nonce,
      pkceCodeVerifier: login.codeVerifier,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Many IdPs put only sub in the ID token and the scopes' claims (email, name) at the UserInfo
    // endpoint; the library checks that the answer's sub is the ID token's.
    claims =
      idToken.email === undefined && config.serverMetadata().userinfo_endpoint
        ? { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...idToken }
        : { ...idToken };
  } catch (err) {
    // For the operator: which check failed. The person is told only that it did not complete.
    console.error(
      JSON.stringify({
        level: "warn",
        msg: "sso callback refused",
        orgId: login.orgId,
        reason: describeOidcFailure(err),
        ...describeError(err),
      }),
    );
    throw failed("failed");
  }

  const email = emailSchema.safeParse(claims.email);
  if (!email.success) throw failed("no_email");
  if (claims.email_verified === false || claims.email_verified === "false") throw failed("unverified_email");
  // An org's IdP speaks only for the domains that org has verified: never for anyone else's address.
  const owner = await findOrgByVerifiedDomain(email.data);
  if (owner?.orgId !== login.orgId) throw failed("domain");

  const ticket = newSsoSecret();
  await db().transaction(async (tx) => {
    const { userId } = await provisionSsoUser(
      tx,
      login.orgId,
      { email: email.data, name: typeof claims.name === "string" ? claims.name : null, issuer: connection.issuer },
      caller.ip,
    );
    await tx.insert(t.ssoTickets).values({
      ticketHash: hashSsoSecret(ticket),
      userId,
      orgId: login.orgId,
      expiresAt: new Date(Date.now() + SSO_TICKET_TTL_MS),
    });
  });
  return { ticket, returnTo: login.returnTo, orgSlug: owner.orgSlug };
}

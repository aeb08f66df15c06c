import * as oidc from "openid-client";
import { config } from "@/lib/config";

// The one place that talks to an org's identity provider, through openid-client (a certified
// relying party): discovery, the authorization URL and the code exchange, whose ID token
// signature, issuer, audience, expiry, nonce, state and PKCE it checks itself.

const TIMEOUT_SECONDS = 10;

/** Where the IdP sends people back; register it at the IdP. */
export function ssoRedirectUri() {
  return `${config().appUrl}/api/auth/sso/callback`;
}

/** Discovers the issuer and returns a client configuration (a client secret is needed only for the code exchange). */
export async function discoverIssuer(issuer: string, clientId: string, clientSecret?: string): Promise<oidc.Configuration> {
  const http = new URL(issuer).protocol === "http:";
  // http is refused by the schema unless OIDC_ALLOW_HTTP_ISSUERS; checked again here because a
  // connection saved while it was on must not keep working once it is off.
  if (http && !config().oidcAllowHttpIssuers) throw new Error("An http:// issuer is not allowed (OIDC_ALLOW_HTTP_ISSUERS is off).");
  const found = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.None(), {
    timeout: TIMEOUT_SECONDS,
    ...(http ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  if (!clientSecret) return found;
  // client_secret_basic is the default of the spec; an IdP that lists only client_secret_post gets that.
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  const post = !!methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post");
  const configured = new oidc.Configuration(
    found.serverMetadata(),
    clientId,
    clientSecret,
    post ? oidc.ClientSecretPost(clientSecret) : oidc.ClientSecretBasic(clientSecret),
  );
  configured.timeout = TIMEOUT_SECONDS;
  if (http) oidc.allowInsecureRequests(configured);
  return configured;
}

export { oidc };

/**
 * A short reason a person can act on, for Test Connection and the log: never the IdP's response
 * body (it may echo anything), only what kind of failure it was.
 */
export function describeOidcFailure(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  const cause = e?.cause?.code ?? "";
  if (e?.message?.includes("OIDC_ALLOW_HTTP_ISSUERS")) return "The Issuer URL must start with https://.";
  if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "EHOSTUNREACH"].includes(cause))
    return `The issuer could not be reached (${cause}). Check the Issuer URL.`;
  if (e?.code === "OAUTH_TIMEOUT" || (err as Error)?.name === "TimeoutError" || (err as Error)?.name === "AbortError")
    return `The issuer did not answer within ${TIMEOUT_SECONDS} seconds.`;
  if (cause.startsWith("CERT_") || cause.includes("SELF_SIGNED") || cause.startsWith("UNABLE_TO"))
    return "The issuer's TLS certificate is not trusted.";
  if (e?.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || e?.code === "OAUTH_RESPONSE_IS_NOT_JSON")
    return "The issuer did not answer with an OpenID configuration (/.well-known/openid-configuration). Check the Issuer URL.";
  if (e?.code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED")
    return "The issuer's configuration names a different issuer. Use exactly the issuer your identity provider shows.";
  if (e?.code) return `The identity provider's answer was refused (${e.code}).`;
  return "The issuer could not be reached. Check the Issuer URL.";
}

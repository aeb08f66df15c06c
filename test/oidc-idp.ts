import { createHash, generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll } from "vitest";
import { resetConfig } from "@/lib/config";

// A real OpenID Provider for tests: oidc-provider (certified by the OpenID Foundation) on
// 127.0.0.1, one confidential client, and an interaction that signs in whoever the relying party
// named in login_hint (the email typed at Sign in with SSO) without a form, and consents at once.
// `claimsFor` lets a test make the IdP assert something else (another address, unverified).

export type IdpClaims = { sub?: string; email?: string; email_verified?: boolean; name?: string };

export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the IdP says about the person it signs in (default: the login_hint, verified). */
  claimsFor: (loginHint: string) => IdpClaims;
  /** Accounts the provider signed in, in order. */
  signedIn: string[];
  close: () => Promise<void>;
};

export async function startTestIdp(opts: {
  redirectUri: string;
  port?: number;
  clientId?: string;
  clientSecret?: string;
}): Promise<TestIdp> {
  const clientId = opts.clientId ?? "org-portal-test";
  const clientSecret = opts.clientSecret ?? "test-client-secret-0123456789abcdef";
  const accounts = new Map<string, IdpClaims>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const idp: TestIdp = {
    issuer,
    clientId,
    clientSecret,
    claimsFor: (hint) => ({ email: hint, email_verified: true, name: `SSO ${hint.split("@")[0]}` }),
    signedIn: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ["org-portal-test-idp-cookie-key"] },
    // A fresh signing key per run (the provider's built-in development keys would warn).
    jwks: {
      keys: [
        {
          ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
          kid: "test",
          alg: "RS256",
          use: "sig",
        },
      ],
    },
    async findAccount(_ctx, id) {
      const claims = accounts.get(id) ?? {};
      return { accountId: id, claims: () => ({ ...claims, sub: id }) };
    },
  });

  const interaction = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      const hint = String(details.params.login_hint ?? "someone@example.test");
      const claims = idp.claimsFor(hint);
      const accountId =
        claims.sub ??
        createHash("sha256")
          .update(claims.email ?? hint)
          .digest("hex")
          .slice(0, 24);
      accounts.set(accountId, claims);
      idp.signedIn.push(claims.email ?? hint);
      await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    // consent: grant what the client asked for
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  };

  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    void callback(req, res);
  });
  return idp;
}

/**
 * Follows the IdP's redirects like a browser would (with a cookie jar for the IdP's own
 * cookies) until it sends the browser back to the relying party; returns that URL.
 */
export async function followToRedirectUri(authorizationUrl: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`The IdP answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error("Too many redirects at the IdP");
}

/**
 * One test IdP for a test file, redirecting to `redirectUri()` (read once the config is reset),
 * with http:// issuers allowed while it runs. Returns a getter: the IdP exists from beforeAll on.
 */
export function useTestIdp(redirectUri: () => string): () => TestIdp {
  let idp: TestIdp | undefined;
  beforeAll(async () => {
    process.env.OIDC_ALLOW_HTTP_ISSUERS = "1";
    resetConfig();
    idp = await startTestIdp({ redirectUri: redirectUri() });
  });
  afterAll(async () => {
    await idp?.close();
    delete process.env.OIDC_ALLOW_HTTP_ISSUERS;
    resetConfig();
  });
  return () => idp!;
}

import type { Actor } from "@/lib/authz/actor";
import { config } from "@/lib/config";
import { testSsoConnectionSchema } from "@/lib/validation/sso";
import { parseInput } from "@/lib/validation/parse";
import { loadOrgAccess } from "../organizations/org-access";
import { describeOidcFailure, discoverIssuer } from "./oidc";

export type TestConnectionResult =
  { ok: true; issuer: string; authorizationEndpoint: string; tokenEndpoint: string; pkce: boolean } | { ok: false; error: string };

/**
 * Test Connection: OpenID Connect discovery of the issuer typed in the form (saved or not). It
 * changes nothing; the answer says what was found or, in words, why nothing was.
 */
export async function checkSsoConnection(actor: Actor, orgSlug: string, input: unknown): Promise<TestConnectionResult> {
  await loadOrgAccess(actor, orgSlug, "settings.update");
  const { issuer } = parseInput(testSsoConnectionSchema(config().oidcAllowHttpIssuers), input);
  return probeIssuer(issuer);
}

/** Discovery alone, for Test Connection and before Require SSO is turned on. */
export async function probeIssuer(issuer: string): Promise<TestConnectionResult> {
  try {
    const server = (await discoverIssuer(issuer, "test-connection")).serverMetadata();
    if (!server.authorization_endpoint || !server.token_endpoint) {
      return { ok: false, error: "The issuer's configuration has no authorization or token endpoint." };
    }
    return {
      ok: true,
      issuer: server.issuer,
      authorizationEndpoint: server.authorization_endpoint,
      tokenEndpoint: server.token_endpoint,
      pkce: server.code_challenge_methods_supported?.includes("S256") ?? false,
    };
  } catch (err) {
    return { ok: false, error: describeOidcFailure(err) };
  }
}

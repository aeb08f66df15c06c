import type { IncomingHttpHeaders } from "node:http";

/** Who asks to introspect a token: a service account of one org. */
export type IntrospectionCaller = { orgId: string; clientId: string };
export type IntrospectionAuthenticator = (headers: IncomingHttpHeaders) => Promise<IntrospectionCaller | null>;

/**
 * INTEGRATION POINT for issue 7 (service accounts). RFC 7662 callers authenticate as a service
 * account with HTTP Basic client credentials (client_id:client_secret). Service accounts are not
 * built yet, so no credentials verify and /api/tokens/introspect answers 401 invalid_client.
 * Issue 7 replaces this body with the service-account credential check (same shape: the org the
 * account belongs to, or null).
 */
export async function verifyServiceAccountClient(clientId: string, clientSecret: string): Promise<IntrospectionCaller | null> {
  void clientId;
  void clientSecret;
  return null;
}

/** Reads HTTP Basic credentials (RFC 7617; both parts form-url-encoded per RFC 6749 2.3.1). */
export function basicCredentials(headers: IncomingHttpHeaders): { clientId: string; clientSecret: string } | null {
  const auth = headers.authorization;
  if (!auth || !/^basic /i.test(auth)) return null;
  const decoded = Buffer.from(auth.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")),
    };
  } catch {
    return null;
  }
}

export const basicServiceAccountAuth: IntrospectionAuthenticator = async (headers) => {
  const creds = basicCredentials(headers);
  return creds ? verifyServiceAccountClient(creds.clientId, creds.clientSecret) : null;
};

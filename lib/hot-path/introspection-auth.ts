import type { IncomingHttpHeaders } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import { hashSecret } from "@/lib/domain/tokens/secret-scheme";

/** Who asks to introspect a token: a service account of one org. */
export type IntrospectionCaller = { orgId: string; clientId: string };
export type IntrospectionAuthenticator = (headers: IncomingHttpHeaders) => Promise<IntrospectionCaller | null>;

/**
 * RFC 7662 callers authenticate as a service account, since token state is org data: HTTP Basic with the account's
 * client_id and client_secret, or `Authorization: Bearer` with an access token the account got
 * from /api/oauth/token. A deleted account stops at once (read from the database every call;
 * introspection is not the download hot path).
 */
export async function verifyServiceAccountClient(clientId: string, clientSecret: string): Promise<IntrospectionCaller | null> {
  const [account] = await db()
    .select({ orgId: t.serviceAccounts.orgId, clientId: t.serviceAccounts.clientId, secretHash: t.serviceAccounts.secretHash })
    .from(t.serviceAccounts)
    .where(and(eq(t.serviceAccounts.clientId, clientId), isNull(t.serviceAccounts.deletedAt)))
    .limit(1);
  const given = Buffer.from(hashSecret(clientSecret));
  const expected = Buffer.from(account?.secretHash ?? hashSecret("no such client"));
  if (!account || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { orgId: account.orgId, clientId: account.clientId };
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

export const serviceAccountAuth: IntrospectionAuthenticator = async (headers) => {
  const creds = basicCredentials(headers);
  if (creds) return verifyServiceAccountClient(creds.clientId, creds.clientSecret);
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!bearer) return null;
  // Loaded on first use: it pulls in the password hashing addon, which the check path never needs.
  const { actorFromAccessToken } = await import("@/lib/domain/tokens/api-access/bearer");
  const actor = await actorFromAccessToken(bearer, null);
  return actor?.kind === "service_account" ? { orgId: actor.orgId, clientId: actor.serviceAccountId } : null;
};

import { and, eq, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import { hashSecret } from "@/lib/domain/tokens/secret-scheme";

/**
 * RFC 7009 revocation of an API access token by whoever holds it. Unknown, expired or already
 * revoked tokens are not an error (the spec asks for 200 either way, so nothing is revealed).
 */
export async function revokeAccessToken(token: string) {
  await db()
    .update(t.apiAccessTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(t.apiAccessTokens.tokenHash, hashSecret(token)), isNull(t.apiAccessTokens.revokedAt)));
}

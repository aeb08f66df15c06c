import { and, eq, gt, isNull } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { ACCESS_TOKEN_PREFIX } from "@/lib/domain/tokens/api-access/issue-access-token";
import { hasValidChecksum, hashSecret } from "@/lib/domain/tokens/secret-scheme";

/**
 * Resolves an API access token to its actor, from the database on every call: a deleted
 * service account, a revoked or expired token, or a deleted or disabled user stops working at once.
 */
export async function actorFromAccessToken(token: string, ip: string | null): Promise<Actor | null> {
  if (!hasValidChecksum(token, ACCESS_TOKEN_PREFIX)) return null;
  const [row] = await db()
    .select({
      userId: t.users.id,
      email: t.users.email,
      userDisabledAt: t.users.disabledAt,
      serviceAccountId: t.serviceAccounts.id,
      serviceAccountName: t.serviceAccounts.name,
      serviceAccountOrgId: t.serviceAccounts.orgId,
      serviceAccountDeletedAt: t.serviceAccounts.deletedAt,
    })
    .from(t.apiAccessTokens)
    .leftJoin(t.users, eq(t.users.id, t.apiAccessTokens.userId))
    .leftJoin(t.serviceAccounts, eq(t.serviceAccounts.id, t.apiAccessTokens.serviceAccountId))
    .where(
      and(
        eq(t.apiAccessTokens.tokenHash, hashSecret(token)),
        isNull(t.apiAccessTokens.revokedAt),
        gt(t.apiAccessTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.serviceAccountId) {
    if (row.serviceAccountDeletedAt) return null;
    return {
      kind: "service_account",
      serviceAccountId: row.serviceAccountId,
      orgId: row.serviceAccountOrgId!,
      label: row.serviceAccountName!,
      ip,
    };
  }
  // A disabled account's tokens stop at once (and work again if it is enabled).
  if (row.userId && row.email && !row.userDisabledAt) return { kind: "user", userId: row.userId, label: row.email, ip };
  return null;
}

import { and, eq, isNull } from "drizzle-orm";
import { timingSafeEqual } from "node:crypto";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";
import { generateSecret, hashSecret } from "@/lib/domain/tokens/secret-scheme";
import { recordActivity } from "@/lib/domain/activity/record-activity";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
export const ACCESS_TOKEN_PREFIX = "opa";

export type AccessTokenResponse = { access_token: string; token_type: "Bearer"; expires_in: number };

async function mint(subject: { userId: string } | { serviceAccountId: string }): Promise<AccessTokenResponse> {
  const token = generateSecret(ACCESS_TOKEN_PREFIX);
  await db()
    .insert(t.apiAccessTokens)
    .values({ tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000), ...subject });
  return { access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS };
}

/** grant_type=password: a user's email and password (the API itself then requires an admin). */
export async function issueUserAccessToken(input: { username: string; password: string }, ctx: { ip?: string | null } = {}) {
  try {
    const user = await verifyCredentials({ email: input.username, password: input.password }, ctx);
    // A password grant has no place for a second factor: scripts use a service account instead.
    if (user.twoFactor) {
      throw new AppError(
        "validation",
        "This account uses two-factor authentication, so the password grant is refused. Use a service account (grant_type=client_credentials) for API access.",
        undefined,
        "invalid_grant",
      );
    }
    return await mint({ userId: user.id });
  } catch (err) {
    if (err instanceof AppError && err.reason === "sso_required") throw new AppError("validation", err.message, undefined, "invalid_grant");
    if (err instanceof AppError && err.code === "unauthenticated") {
      throw new AppError("validation", "The username or password is wrong.", undefined, "invalid_grant");
    }
    throw err;
  }
}

const invalidClient = () => new AppError("unauthenticated", "Unknown client or wrong client secret.", undefined, "invalid_client");

/** grant_type=client_credentials: a live service account's client_id and client_secret. */
export async function issueServiceAccountToken(input: { clientId: string; clientSecret: string }, ctx: { ip?: string | null } = {}) {
  const [account] = await db()
    .select()
    .from(t.serviceAccounts)
    .where(and(eq(t.serviceAccounts.clientId, input.clientId), isNull(t.serviceAccounts.deletedAt)))
    .limit(1);
  const given = Buffer.from(hashSecret(input.clientSecret));
  const expected = Buffer.from(account?.secretHash ?? hashSecret("no such client"));
  if (!account || !timingSafeEqual(given, expected)) throw invalidClient();
  const response = await mint({ serviceAccountId: account.id });
  await db().transaction(async (tx) => {
    await tx.update(t.serviceAccounts).set({ lastUsedAt: new Date() }).where(eq(t.serviceAccounts.id, account.id));
    await recordActivity(
      tx,
      { kind: "service_account", serviceAccountId: account.id, orgId: account.orgId, label: account.name, ip: ctx.ip },
      {
        orgId: account.orgId,
        action: "service_account.token_issued",
        target: { type: "service_account", id: account.id, label: account.name },
      },
    );
  });
  return response;
}

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { findLiveSession, startSession } from "@/lib/auth/session-store";
import { actorFromAccessToken } from "@/lib/domain/tokens/api-access/bearer";
import { ACCESS_TOKEN_PREFIX } from "@/lib/domain/tokens/api-access/issue-access-token";
import { generateSecret, hashSecret } from "@/lib/domain/tokens/secret-scheme";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { check, orgWithSeatedMember, startHotPath, type TestHotPath } from "@/lib/domain/tokens/member/test-support";
import { findActiveAccount } from "@/lib/domain/users/active-account";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import type { AppError } from "@/lib/errors";
import { rejectionOf } from "@/test/factories";
import { useTestDatabase } from "@/test/db";
import { useHotPathProcesses } from "@/test/hot-path-processes";
import { disableAccount, enableAccount } from "./set-account-disabled";
import { createInstanceAdmin } from "./test-support";

// A disabled account's three kinds of credential (browser session, API access token, member
// token) stop on the very next request, in this process and in other processes.
const testDb = useTestDatabase();
const PASSWORD = "violet otter harbor 42";

/** A seated member with a password, a signed-in session, an API access token and a member token. */
async function memberWithEveryCredential() {
  const ctx = await orgWithSeatedMember("Creds");
  await db()
    .update(t.users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(t.users.id, ctx.member.userId));
  const sessionId = await startSession(ctx.member.userId, { userAgent: "test", ip: null });
  const apiToken = generateSecret(ACCESS_TOKEN_PREFIX);
  await db()
    .insert(t.apiAccessTokens)
    .values({ tokenHash: hashSecret(apiToken), userId: ctx.member.userId, expiresAt: new Date(Date.now() + 3_600_000) });
  const { token } = await issueToken(ctx.member, ctx.org.slug);
  return { ...ctx, sessionId, apiToken, token };
}

const sessionUser = async (userId: string, sessionId: string) =>
  (await findLiveSession(sessionId, userId)) ? findActiveAccount(userId) : null;

describe("Disable Account in one process", () => {
  let hot: TestHotPath;
  beforeAll(async () => {
    hot = await startHotPath(testDb.handle);
  });
  afterAll(async () => {
    await hot?.close();
  });

  it("stops the session, the API access token, the member token and sign-in at once; Enable Account brings back the tokens", async () => {
    const admin = await createInstanceAdmin();
    const c = await memberWithEveryCredential();
    // Everything works, and the token check has the answer cached.
    expect(await sessionUser(c.member.userId, c.sessionId)).not.toBeNull();
    expect(await actorFromAccessToken(c.apiToken, null)).toMatchObject({ kind: "user", userId: c.member.userId });
    for (let i = 0; i < 3; i++) expect((await check(hot.url, c.token)).status).toBe(204);

    await disableAccount(admin, c.member.userId);

    // The very next request, no pause.
    expect((await check(hot.url, c.token)).status).toBe(401);
    expect(await actorFromAccessToken(c.apiToken, null)).toBeNull();
    expect(await sessionUser(c.member.userId, c.sessionId)).toBeNull();
    expect(await findActiveAccount(c.member.userId)).toBeNull();
    expect(((await rejectionOf(verifyCredentials({ email: c.member.label, password: PASSWORD }))) as AppError).reason).toBe(
      "account_disabled",
    );
    // A wrong password learns nothing about the account's state.
    expect(((await rejectionOf(verifyCredentials({ email: c.member.label, password: "wrong password 1" }))) as AppError).reason).toBe(
      "invalid_credentials",
    );

    await enableAccount(admin, c.member.userId);
    expect((await check(hot.url, c.token)).status).toBe(204);
    expect(await actorFromAccessToken(c.apiToken, null)).toMatchObject({ kind: "user", userId: c.member.userId });
    await expect(verifyCredentials({ email: c.member.label, password: PASSWORD })).resolves.toMatchObject({ id: c.member.userId });
    // The ended session stays ended: the person signs in again.
    expect(await sessionUser(c.member.userId, c.sessionId)).toBeNull();
  });

  it("a disable written by plain SQL (another tool, another process) reaches the cached token check too", async () => {
    const c = await memberWithEveryCredential();
    for (let i = 0; i < 2; i++) expect((await check(hot.url, c.token)).status).toBe(204);
    await db().update(t.users).set({ disabledAt: new Date() }).where(eq(t.users.id, c.member.userId));
    expect((await check(hot.url, c.token)).status).toBe(401);
  });
});

const onPostgres = testDb.kind === "postgres";

describe.runIf(onPostgres)("Disable Account with two other app processes on one PostgreSQL", () => {
  const urls = useHotPathProcesses(testDb);
  let b: string;
  let c: string;
  beforeAll(() => {
    [b, c] = urls;
  });

  it("a disable in this process is refused on the very next check in B and C, every round; enabling restores it", async () => {
    const admin = await createInstanceAdmin();
    for (let round = 0; round < 8; round++) {
      const cred = await memberWithEveryCredential();
      for (const s of [b, c]) for (let i = 0; i < 3; i++) expect((await check(s, cred.token)).status).toBe(204);
      await disableAccount(admin, cred.member.userId);
      const [rb, rc] = await Promise.all([check(b, cred.token), check(c, cred.token)]);
      expect([rb.status, rc.status]).toEqual([401, 401]);
      expect(await actorFromAccessToken(cred.apiToken, null)).toBeNull();
      expect(await sessionUser(cred.member.userId, cred.sessionId)).toBeNull();
      await enableAccount(admin, cred.member.userId);
      const [eb, ec] = await Promise.all([check(b, cred.token), check(c, cred.token)]);
      expect([eb.status, ec.status]).toEqual([204, 204]);
    }
  }, 60_000);
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { revokeToken } from "@/lib/domain/tokens/member/revoke-token";
import { revokeSeats } from "@/lib/domain/seats/revoke-seats";
import { check, orgWithSeatedMember } from "@/lib/domain/tokens/member/test-support";
import { useTestDatabase } from "@/test/db";
import { useHotPathProcesses } from "@/test/hot-path-processes";

// Real separate OS processes on one PostgreSQL: each has its own pool, LISTEN connection and
// cache. This test process writes (process A); two hot-path servers answer checks (B and C).
const testDb = useTestDatabase();
const onPostgres = testDb.kind === "postgres";

describe.runIf(onPostgres)("two app processes on one PostgreSQL", () => {
  const urls = useHotPathProcesses(testDb);
  let b: { url: string };
  let c: { url: string };
  beforeAll(() => {
    [b, c] = urls.map((url) => ({ url }));
  });

  const warm = async (token: string) => {
    for (const s of [b, c]) for (let i = 0; i < 3; i++) expect((await check(s.url, token)).status).toBe(204);
  };
  const expectRefusedEverywhere = async (token: string) => {
    // No pause: the very next check through each other process.
    const [rb, rc] = await Promise.all([check(b.url, token), check(c.url, token)]);
    expect([rb.status, rc.status]).toEqual([401, 401]);
  };

  it("a revoke in process A is refused on the very next check in B and C, every time", async () => {
    const { org, member } = await orgWithSeatedMember();
    for (let round = 0; round < 15; round++) {
      const { token } = await issueToken(member, org.slug);
      await warm(token);
      await revokeToken(member, org.slug, { userId: member.userId });
      await expectRefusedEverywhere(token);
    }
  });

  it("reissue, seat revoke, member removal and a lapsed subscription are all seen at once", async () => {
    const a = await orgWithSeatedMember();
    const first = (await issueToken(a.member, a.org.slug)).token;
    await warm(first);
    const second = (await issueToken(a.member, a.org.slug)).token;
    await expectRefusedEverywhere(first);
    await warm(second);
    await revokeSeats(a.admin, a.org.slug, { userIds: [a.member.userId] });
    await expectRefusedEverywhere(second);

    const r = await orgWithSeatedMember();
    const removed = (await issueToken(r.member, r.org.slug)).token;
    await warm(removed);
    await db()
      .delete(t.memberships)
      .where(and(eq(t.memberships.orgId, r.org.id), eq(t.memberships.userId, r.member.userId)));
    await expectRefusedEverywhere(removed);

    const l = await orgWithSeatedMember();
    const lapsed = (await issueToken(l.member, l.org.slug)).token;
    await warm(lapsed);
    await db().update(t.subscriptions).set({ status: "lapsed" }).where(eq(t.subscriptions.orgId, l.org.id));
    await expectRefusedEverywhere(lapsed);
  });
});

import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import type pg from "pg";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { revokeToken } from "@/lib/domain/tokens/member/revoke-token";
import { revokeSeats } from "@/lib/domain/seats/revoke-seats";
import { check, orgWithSeatedMember } from "@/lib/domain/tokens/member/test-support";
import { useTestDatabase } from "@/test/db";

// Real separate OS processes on one PostgreSQL: each has its own pool, LISTEN connection and
// cache. This test process writes (process A); two hot-path servers answer checks (B and C).
const testDb = useTestDatabase();
const onPostgres = testDb.kind === "postgres";
const servers: Array<{ child: ChildProcess; url: string }> = [];

async function spawnServer(databaseUrl: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/hot-path/standalone.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", DATABASE_POOL_SIZE: "4", EMAIL_TRANSPORT: "mailbox" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  const server = { child, url: `http://127.0.0.1:${port}` };
  servers.push(server);
  return server;
}

describe.runIf(onPostgres)("two app processes on one PostgreSQL", () => {
  let b: { url: string };
  let c: { url: string };

  beforeAll(async () => {
    const url = ((testDb.handle.db as unknown as { $client: pg.Pool }).$client.options as { connectionString: string }).connectionString;
    [b, c] = await Promise.all([spawnServer(url), spawnServer(url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(
        ({ child }) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.kill("SIGTERM")))),
      ),
    );
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

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t, type Db } from "@/db";
import { useTestDatabase } from "@/test/db";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { orgWithSeatedMember } from "@/lib/domain/tokens/member/test-support";
import { UsageRecorder } from "./usage";

const testDb = useTestDatabase();

async function issuedTokenIds(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const ctx = await orgWithSeatedMember(`Usage ${i}`);
    await issueToken(ctx.member, ctx.org.slug);
    const [row] = await db().select({ id: t.memberTokens.id }).from(t.memberTokens).where(eq(t.memberTokens.orgId, ctx.org.id));
    ids.push(row.id);
  }
  return ids;
}

const usageOf = async (id: string) =>
  (
    await db().select({ n: t.memberTokens.useCount, at: t.memberTokens.lastUsedAt }).from(t.memberTokens).where(eq(t.memberTokens.id, id))
  )[0];

async function until(condition: () => Promise<boolean>, ms = 5_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("UsageRecorder", () => {
  it("writes a token's uses once its moment in the delay window has come, as one count with the latest time", async () => {
    const [id] = await issuedTokenIds(1);
    const recorder = new UsageRecorder(() => testDb.handle.db, { delayMs: 600, tickMs: 25 }).start();
    try {
      const first = Date.now();
      for (let i = 0; i < 4; i++) recorder.record(id, first + i);
      // Not before half the delay: nothing is written yet.
      await new Promise((r) => setTimeout(r, 150));
      expect(await usageOf(id)).toEqual({ n: 0, at: null });
      await until(async () => (await usageOf(id)).n > 0);
      expect(Date.now() - first).toBeGreaterThanOrEqual(300);
      expect(await usageOf(id)).toEqual({ n: 4, at: new Date(first + 3) });
      expect(recorder.pendingTokens).toBe(0);
    } finally {
      await recorder.stop();
    }
  });

  it("spreads the tokens of one burst over the window instead of writing them all at once", async () => {
    const ids = await issuedTokenIds(12);
    const recorder = new UsageRecorder(() => testDb.handle.db, { delayMs: 1_200, tickMs: 25 }).start();
    try {
      for (const id of ids) recorder.record(id);
      const written = async () => (await Promise.all(ids.map(usageOf))).filter((u) => u.n === 1).length;
      await until(async () => (await written()) > 0);
      // The first ones are written while others still wait (12 random moments over 600 ms).
      expect(await written()).toBeLessThan(ids.length);
      await until(async () => (await written()) === ids.length);
    } finally {
      await recorder.stop();
    }
  });

  it("writes everything at once on flush and stop, and keeps counts that failed to be written for the next try", async () => {
    const [a, b] = await issuedTokenIds(2);
    let failing = true;
    const flaky = () => {
      if (failing) throw new Error("database unavailable");
      return testDb.handle.db;
    };
    const recorder = new UsageRecorder(flaky as () => Db, { delayMs: 3_600_000 });
    recorder.record(a);
    recorder.record(b);
    await expect(recorder.flush()).rejects.toThrow("database unavailable");
    expect(recorder.pendingTokens).toBe(2);
    recorder.record(a);
    failing = false;
    await recorder.stop();
    expect((await usageOf(a)).n).toBe(2);
    expect((await usageOf(b)).n).toBe(1);
    expect(recorder.pendingTokens).toBe(0);
  });
});

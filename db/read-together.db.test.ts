import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { useTestDatabase } from "@/test/db";
import { readTogether } from "./read-together";

useTestDatabase();

// pg_sleep makes overlap visible: side by side on the pool, the reads overlap; in a transaction
// (one connection) they run in turn, and the results keep their order either way.
const read = (q: Parameters<typeof readTogether>[0], n: number) => async () => {
  const started = Date.now();
  const { rows } = (await q.execute(sql`select ${n}::int as n, pg_sleep(0.05)`)) as unknown as { rows: { n: number }[] };
  return { n: rows[0].n, started, ended: Date.now() };
};

describe("readTogether", () => {
  it("keeps the order of the results, on the pool and in a transaction", async () => {
    const [a, b] = await readTogether(db(), [read(db(), 1), read(db(), 2)]);
    expect([a.n, b.n]).toEqual([1, 2]);
    const inTx = await db().transaction((tx) => readTogether(tx, [read(tx, 3), read(tx, 4), read(tx, 5)]));
    expect(inTx.map((r) => r.n)).toEqual([3, 4, 5]);
  });

  it("in a transaction, starts a read only once the one before it is done", async () => {
    const [first, second] = await db().transaction((tx) => readTogether(tx, [read(tx, 1), read(tx, 2)]));
    expect(second.started).toBeGreaterThanOrEqual(first.ended);
  });
});

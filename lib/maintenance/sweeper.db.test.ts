import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { useTestDatabase } from "@/test/db";
import { sweepExpired } from "./sweeper";

useTestDatabase();

describe("sweepExpired", () => {
  it("deletes rate-limit rows whose window is over and idempotency keys older than a day", async () => {
    const now = Date.now();
    await db()
      .insert(t.rateLimits)
      .values([
        { key: "sweep-old", points: 3, expire: new Date(now - 1000) },
        { key: "sweep-live", points: 3, expire: new Date(now + 60_000) },
      ]);
    await db()
      .insert(t.idempotencyKeys)
      .values({ principal: "sa:sweep", key: "k", requestHash: "h", createdAt: new Date(now - 2 * 86_400_000) });
    const swept = await sweepExpired();
    expect(swept.rateLimits).toBeGreaterThanOrEqual(1);
    expect(swept.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const left = await db()
      .select({ key: t.rateLimits.key })
      .from(t.rateLimits)
      .where(inArray(t.rateLimits.key, ["sweep-old", "sweep-live"]));
    expect(left.map((r) => r.key)).toEqual(["sweep-live"]);
  });
});

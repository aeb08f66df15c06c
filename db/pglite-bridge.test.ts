import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RemotePglite } from "./pglite-bridge";
import { bridgeHandle } from "./pglite-bridge-handle";
import type { DbHandle } from "./client";

// A real second process owns the database, as the Next.js process does under server.ts.
let child: ChildProcess;
let remote: RemotePglite;
let handle: DbHandle;
const rows = async <T>(q: ReturnType<typeof sql>) => ((await handle.db.execute(q)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "test/pglite-bridge-owner.ts")], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  remote = new RemotePglite(child);
  handle = bridgeHandle(remote);
  await remote.ready;
}, 120_000);

afterAll(() => {
  if (child.connected) child.disconnect();
});

describe("the PGlite bridge", () => {
  it("runs queries with drizzle's result shapes (timestamps stay strings for drizzle to map)", async () => {
    await handle.db.execute(sql`insert into items (id) values (1)`);
    const [row] = await rows<{ id: number; at: string }>(sql`select id, at from items where id = 1`);
    expect(row.id).toBe(1);
    expect(typeof row.at).toBe("string");
  });

  it("commits a transaction, rolls back a failed one, and keeps the error's code", async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into items (id) values (2)`);
      await tx.execute(sql`insert into items (id) values (3)`);
    });
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into items (id) values (4)`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const failure = await handle.db.execute(sql`insert into items (id) values (2)`).catch((err: { cause?: { code?: string } }) => err);
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe("23505");
    const ids = await rows<{ id: number }>(sql`select id from items order by id`);
    expect(ids.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it("delivers a notification before the reply of the query that sent it", async () => {
    const heard: string[] = [];
    await remote.listen("bridge_test", (payload) => heard.push(payload));
    await handle.db.execute(sql`select pg_notify('bridge_test', 'first')`);
    expect(heard).toEqual(["first"]);
    await remote.ping();
  });
});

import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { TestDatabase } from "./db";

/**
 * Hot-path servers (lib/hot-path/standalone.ts) in separate OS processes on this test file's
 * PostgreSQL database: each has its own pool, LISTEN connection and token cache, like the other
 * app processes of a deployment. Call inside a `describe.runIf(testDb.kind === "postgres")`;
 * the returned list holds their base URLs once its beforeAll has run.
 */
export function useHotPathProcesses(testDb: TestDatabase, count = 2): string[] {
  const urls: string[] = [];
  const children: ChildProcess[] = [];

  async function spawnServer(databaseUrl: string) {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/hot-path/standalone.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", DATABASE_POOL_SIZE: "4", EMAIL_TRANSPORT: "mailbox" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    return `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  }

  beforeAll(async () => {
    const url = ((testDb.handle.db as unknown as { $client: pg.Pool }).$client.options as { connectionString: string }).connectionString;
    urls.push(...(await Promise.all(Array.from({ length: count }, () => spawnServer(url)))));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.kill("SIGTERM")))),
      ),
    );
  });
  return urls;
}

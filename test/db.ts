import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { connectPglite, connectPostgres, getDbHandle, setDbHandle, type Db, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrations-runner";
import { admin, ident, urlFor } from "./postgres-admin";

export type TestDbKind = "pglite" | "postgres";

export const testDbKind = (): TestDbKind => {
  const kind = process.env.TEST_DB;
  if (kind !== "pglite" && kind !== "postgres") {
    throw new Error("TEST_DB must be pglite or postgres: run *.db.test.ts files through `npx vitest run`.");
  }
  return kind;
};

export type TestDatabase = {
  readonly kind: TestDbKind;
  readonly handle: DbHandle;
  readonly db: Db;
  /**
   * Another handle with its own connections to the same database, for concurrency tests.
   * PGlite has a single connection, so there it is the same handle (closing it is a no-op).
   */
  openSecondHandle(): DbHandle;
  /**
   * A database that survives closing its handle, for "process restart" tests: open() may be
   * called again after the previous handle was closed. Cleaned up with the file's database.
   */
  restartable(): { open(): Promise<DbHandle> };
};

/**
 * Gives this test file its own freshly migrated database and makes db() use it.
 * Call once at the top of a *.db.test.ts file.
 */
export function useTestDatabase(): TestDatabase {
  const kind = testDbKind();
  let handle: DbHandle | undefined;
  let previous: DbHandle | undefined;
  let pgName: string | undefined;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    previous = getDbHandle();
    if (kind === "pglite") {
      handle = connectPglite();
      await runMigrations(handle);
    } else {
      // Cloning the migrated template takes a few milliseconds; migrating would take far longer.
      const template = inject("pgTemplate");
      pgName = template.replace(/template$/, randomBytes(6).toString("hex"));
      await admin((c) => c.query(`CREATE DATABASE ${ident(pgName!)} TEMPLATE ${ident(template)}`));
      handle = connectPostgres(urlFor(pgName));
    }
    setDbHandle(handle);
  });

  afterAll(async () => {
    setDbHandle(previous);
    for (const cleanup of cleanups.reverse()) await cleanup();
    await handle?.close();
    if (pgName) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(pgName!)} WITH (FORCE)`));
  });

  // Extra handles a test opened are closed when the file ends, even if the test failed.
  const track = (opened: DbHandle): DbHandle => {
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await opened.close();
    };
    cleanups.push(close);
    return { ...opened, close };
  };

  const current = () => {
    if (!handle) throw new Error("The test database is opened in beforeAll; use it inside tests or hooks.");
    return handle;
  };

  return {
    kind,
    get handle() {
      return current();
    },
    get db() {
      return current().db;
    },
    openSecondHandle() {
      if (kind === "pglite") return { ...current(), close: async () => {} };
      return track(connectPostgres(urlFor(pgName!)));
    },
    restartable() {
      if (kind === "postgres") return { open: async () => track(connectPostgres(urlFor(pgName!))) };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pglite-"));
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      let migrated = false;
      return {
        async open() {
          const opened = track(connectPglite(path.join(dir, "data")));
          if (!migrated) {
            await runMigrations(opened);
            migrated = true;
          }
          return opened;
        },
      };
    },
  };
}

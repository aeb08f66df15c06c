import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { config } from "@/lib/config";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; every domain write takes one of these. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: reads accept both. */
export type Queryable = Db | Tx;

export type DbHandle = {
  kind: "postgres" | "pglite";
  db: Db;
  close: () => Promise<void>;
};

export function connectPostgres(url: string, max = 10): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "pg pool error", err: err.message })));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { kind: "postgres", db, close: () => pool.end() };
}

export function connectPglite(dataDir?: string): DbHandle {
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    takePgliteLock(dataDir);
  }
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    close: async () => {
      await client.close();
      if (dataDir) releasePgliteLock(dataDir);
    },
  };
}

/**
 * PGlite allows one process per data folder; a second one corrupts it.
 * A pid lock file turns that mistake into a clear error.
 */
function takePgliteLock(dataDir: string) {
  const lock = lockPath(dataDir);
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is open in process ${pid}. ` +
          "Stop that process first (PGlite allows one process per data folder).",
      );
    }
  }
  fs.writeFileSync(lock, String(process.pid));
}

function releasePgliteLock(dataDir: string) {
  const lock = lockPath(dataDir);
  if (fs.existsSync(lock) && fs.readFileSync(lock, "utf8") === String(process.pid)) fs.rmSync(lock);
}

const lockPath = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

/** Whether a process with this pid is running (signal 0 only checks). */
export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function connectFromEnv(): DbHandle {
  const { url, poolSize, pgliteDir } = config().database;
  if (url) return connectPostgres(url, poolSize);
  return connectPglite(pgliteDir);
}

// One handle per process, kept on globalThis so that hot reload, and a second copy of this
// module in another bundle, reuse it instead of opening the data folder twice.
const HANDLE = Symbol.for("org-portal.db-handle");
type Global = typeof globalThis & { [HANDLE]?: DbHandle };

export function getDbHandle(): DbHandle {
  const g = globalThis as Global;
  g[HANDLE] ??= connectFromEnv();
  return g[HANDLE];
}

export function db(): Db {
  return getDbHandle().db;
}

/** Tests give each file its own database. */
export function setDbHandle(handle: DbHandle | undefined) {
  (globalThis as Global)[HANDLE] = handle;
}

import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { DbHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function runMigrations(handle: DbHandle) {
  if (handle.kind === "postgres") {
    await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder });
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}

/**
 * Whether every migration of the journal is applied, by drizzle's own rule (it applies those
 * newer than the newest row of drizzle.__drizzle_migrations): two small queries instead of reading
 * and hashing every migration file at each start.
 */
export async function schemaIsCurrent(handle: DbHandle): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ when: number }>;
  };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
  // Two statements: one naming a missing table would fail to plan on a new database.
  const [table] = await rows<{ name: string | null }>(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`);
  if (!table?.name) return false;
  const [{ last }] = await rows<{ last: string | null }>(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`);
  return last != null && Number(last) >= newest;
}

/** At start: nothing to do when the schema is current (the usual restart), else migrate. */
export async function migrateIfNeeded(handle: DbHandle): Promise<"current" | "migrated"> {
  if (await schemaIsCurrent(handle)) return "current";
  await runMigrations(handle);
  return "migrated";
}

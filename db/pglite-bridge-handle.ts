// server.ts's database handle on the embedded database: drizzle's PGlite driver over the bridge
// to the Next.js process that owns PGlite (db/pglite-bridge.ts).
import type { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Db, DbHandle } from "./client";
import type { RemotePglite } from "./pglite-bridge";
import * as schema from "./schema";

/** A database handle over the bridge: `kind` stays "pglite" (same SQL, same driver). */
export function bridgeHandle(remote: RemotePglite): DbHandle {
  const db = drizzle(remote as unknown as PGlite, { schema }) as unknown as Db;
  return { kind: "pglite", db, close: () => remote.close() };
}

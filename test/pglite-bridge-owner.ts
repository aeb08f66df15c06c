// A child process for db/pglite-bridge.test.ts: an in-memory PGlite served over the IPC channel,
// as the Next.js process serves its PGlite to server.ts.
import { PGlite } from "@electric-sql/pglite";
import { serveBridge } from "@/db/pglite-bridge";

const db = new PGlite();
await db.exec("create table items (id int primary key, at timestamptz not null default now())");
serveBridge(db, process as Parameters<typeof serveBridge>[1]);
process.on("disconnect", () => process.exit(0));

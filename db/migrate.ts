// Runs the SQL migrations, then exits. Run it before the server (PGlite allows one process).
import { connectFromEnv } from "./client";
import { runMigrations } from "./migrations-runner";

const handle = connectFromEnv();
const started = Date.now();
await runMigrations(handle);
await handle.close();
console.log(`migrations applied on ${handle.kind} in ${Date.now() - started} ms`);

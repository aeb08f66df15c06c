// Who starts the background workers (email outbox, webhook deliveries) in a Next.js process.
// Under `npm start` the Next.js process (lib/server/next-process.ts) starts them itself, once its
// database is migrated, while Next prepares in parallel; instrumentation.ts (run by that prepare)
// must then leave them alone, or they would poll tables a new database does not have yet. Under
// `next dev` / `next start` nothing marks the process and instrumentation.ts starts them.
// Kept on globalThis because Next's bundle and next-process.ts each load their own copy of this.
const HOSTED = Symbol.for("org-portal.workers-hosted");
type Global = typeof globalThis & { [HOSTED]?: true };

export function markWorkersHosted() {
  (globalThis as Global)[HOSTED] = true;
}

export function workersAreHosted(): boolean {
  return (globalThis as Global)[HOSTED] === true;
}

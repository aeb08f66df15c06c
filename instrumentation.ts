// The outbox worker runs once per process. Under server.ts (npm start) it is already running
// when Next boots; this starts it only when Next runs on its own (next dev / next start).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOutboxWorkerOnce } = await import("@/lib/email/outbox-worker");
  startOutboxWorkerOnce();
}

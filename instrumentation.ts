// The outbox worker runs once per process. Under server.ts (npm start) it is already running
// when Next boots; this starts it only when Next runs on its own (next dev / next start).
export async function register() {
  // NEXT_RUNTIME is not a setting: Next replaces it with a constant in each bundle, so this
  // literal test keeps the Node-only worker (pg, nodemailer) out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/config");
  if (config().nextPhase === "phase-production-build") return;
  const { startOutboxWorkerOnce } = await import("@/lib/email/outbox-worker");
  startOutboxWorkerOnce();
  const { startWebhookWorkerOnce } = await import("@/lib/webhooks/delivery-worker");
  startWebhookWorkerOnce();
}

// The background workers run once per process. Under npm start the Next.js process starts them
// itself (lib/server/next-process.ts); this starts them only when Next runs on its own (next dev).
export async function register() {
  // NEXT_RUNTIME is not a setting: Next replaces it with a constant in each bundle, so this
  // literal test keeps the Node-only worker (pg, nodemailer) out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/config");
  if (config().nextPhase === "phase-production-build") return;
  // Under npm start the Next.js process starts them after its migrations (lib/server/hosted-workers.ts).
  const { workersAreHosted } = await import("@/lib/server/hosted-workers");
  if (workersAreHosted()) return;
  const { startOutboxWorkerOnce } = await import("@/lib/email/outbox-worker");
  startOutboxWorkerOnce();
  const { startWebhookWorkerOnce } = await import("@/lib/webhooks/delivery-worker");
  startWebhookWorkerOnce();
}

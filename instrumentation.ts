// Starts this process's outbox worker when the Next.js server boots (not during the build).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.OUTBOX_WORKER === "off") return;
  const { startOutboxWorker } = await import("./lib/email/worker");
  const { transportFromEnv } = await import("./lib/email/transports");
  const transport = transportFromEnv();
  startOutboxWorker(transport, Number(process.env.OUTBOX_POLL_MS ?? 1000));
  console.log(JSON.stringify({ level: "info", msg: "outbox worker started", transport: transport.name }));
}

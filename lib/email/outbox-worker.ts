import { startOutboxWorker } from "@/lib/email/worker";
import { config } from "@/lib/config";
import { startMailboxRetention } from "@/lib/email/mailbox-retention";
import { transportFromEnv } from "@/lib/email/transports";

// One email worker per process, whoever asks first: server.ts at boot, or instrumentation.ts
// when the app runs without the custom server (next dev). Kept on globalThis because Next's
// bundle and server.ts each load their own copy of this module.
const WORKER = Symbol.for("org-portal.outbox-worker");
type Global = typeof globalThis & { [WORKER]?: { stop: () => void } };

export function startOutboxWorkerOnce(): (() => void) | undefined {
  const g = globalThis as Global;
  const { worker, pollMs } = config().outbox;
  if (!worker) return undefined;
  if (!g[WORKER]) {
    const transport = transportFromEnv();
    const stopWorker = startOutboxWorker(transport, pollMs);
    // Mail kept in the local mailbox is deleted after a day (see mailbox-retention.ts).
    const stopPurge = transport.name === "mailbox" ? startMailboxRetention() : undefined;
    g[WORKER] = {
      stop: () => {
        stopWorker();
        stopPurge?.();
      },
    };
    console.log(JSON.stringify({ level: "info", msg: "outbox worker started", transport: transport.name }));
  }
  return () => {
    g[WORKER]?.stop();
    g[WORKER] = undefined;
  };
}

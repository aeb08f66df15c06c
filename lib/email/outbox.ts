import { t, type Tx } from "@/db";
import type { RenderedEmail } from "./render";
import { wakeOutboxWorker } from "./wake";

/**
 * Writes messages into the outbox inside the caller's transaction: they are sent only if the
 * change commits, and they are not lost if the provider is down or the process restarts.
 */
export async function enqueueEmails(tx: Tx, messages: Array<RenderedEmail & { to: string }>) {
  if (messages.length === 0) return;
  await tx.insert(t.emailOutbox).values(messages);
  wakeOutboxWorker();
}

export const enqueueEmail = (tx: Tx, message: RenderedEmail & { to: string }) => enqueueEmails(tx, [message]);

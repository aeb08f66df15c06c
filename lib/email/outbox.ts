import { sql } from "drizzle-orm";
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

/**
 * One message to many recipients (one outbox row each), sending the rendered body to the
 * database once instead of once per row: a bulk action that emails 1,000 people stays fast.
 */
export async function enqueueEmailToMany(tx: Tx, message: RenderedEmail, recipients: string[]) {
  if (recipients.length === 0) return;
  await tx.execute(sql`
    insert into email_outbox ("to", subject, html, text, template)
    select recipient, ${message.subject}, ${message.html}, ${message.text}, ${message.template}
    from unnest(${`{${recipients.map((r) => `"${r.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`}::text[]) as recipient`);
  wakeOutboxWorker();
}

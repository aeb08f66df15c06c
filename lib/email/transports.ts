import { Resend } from "resend";
import { db, t, type Db } from "@/db";
import type { OutboxRow } from "@/db/schema";

/** Sends one outbox message. The outbox id is the idempotency key: a retry never sends twice. */
export type EmailTransport = {
  name: string;
  send: (message: Pick<OutboxRow, "id" | "to" | "subject" | "html" | "text">) => Promise<void>;
};

export function mailboxTransport(getDb: () => Db = db): EmailTransport {
  return {
    name: "mailbox",
    async send(m) {
      await getDb()
        .insert(t.devMailbox)
        .values({ id: m.id, to: m.to, subject: m.subject, html: m.html, text: m.text })
        .onConflictDoNothing();
    },
  };
}

export function resendTransport(apiKey: string, from: string): EmailTransport {
  const resend = new Resend(apiKey);
  return {
    name: "resend",
    async send(m) {
      const { error } = await resend.emails.send(
        { from, to: m.to, subject: m.subject, html: m.html, text: m.text },
        { idempotencyKey: `outbox-${m.id}` },
      );
      if (error) throw new Error(`Resend: ${error.name}: ${error.message}`);
    },
  };
}

export const isMailboxEnabled = () => !process.env.RESEND_API_KEY;

export function transportFromEnv(): EmailTransport {
  const key = process.env.RESEND_API_KEY;
  if (key) return resendTransport(key, process.env.EMAIL_FROM ?? "Org Portal <portal@example.com>");
  return mailboxTransport();
}

import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { Resend } from "resend";
import { config } from "@/lib/config";
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

/**
 * SMTP through nodemailer: smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the
 * first byte). The Message-ID is derived from the outbox id, so should a retry ever repeat a
 * message the server already took (a crash between sending and marking it sent), the copies
 * carry one id that mail systems recognise as the same message.
 * A self-signed server certificate is accepted with `?tls.rejectUnauthorized=false` in the URL.
 */
export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  // The timeouts stay well under the worker's 60 s lease: a hung server must fail this attempt
  // (and be retried later) before another worker may claim the same message.
  const transporter = nodemailer.createTransport({
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    ...parseConnectionUrl(smtpUrl),
  });
  const domain = /<[^@>]+@([^>]+)>|@([^\s>]+)$/.exec(from)?.slice(1).find(Boolean) ?? "org-portal.local";
  return {
    name: "smtp",
    async send(m) {
      await transporter.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        html: m.html,
        text: m.text,
        messageId: `<outbox-${m.id}@${domain}>`,
      });
    },
  };
}

/** The local mailbox exists only while it is the transport (a provider delivers real mail). */
export const isMailboxEnabled = () => config().email.transport === "mailbox";

export function transportFromEnv(): EmailTransport {
  const { transport, resendApiKey, smtpUrl, from } = config().email;
  if (transport === "resend" && resendApiKey) return resendTransport(resendApiKey, from);
  if (transport === "smtp" && smtpUrl) return smtpTransport(smtpUrl, from);
  return mailboxTransport();
}

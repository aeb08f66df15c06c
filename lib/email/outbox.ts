import { sql } from "drizzle-orm";
import { t, type Tx } from "@/db";
import type { RenderedEmail } from "./render";
import { wakeOutboxWorker } from "./wake";

export type OutgoingEmail = RenderedEmail & { to: string };

/**
 * One rendered message for many recipients. A recipient's `fill` replaces each placeholder
 * written into the message when it was rendered (an HTML-escaped copy goes into the HTML part),
 * so a bulk send renders its template once instead of once per recipient.
 */
export type SharedEmail = { message: RenderedEmail; recipients: Array<{ to: string; fill?: Record<string, string> }> };

// Up to this many messages go through a plain insert; larger batches travel as one JSON
// parameter (a plain insert of 10,000 rows would pass PostgreSQL's bind-parameter limit).
const PLAIN_INSERT_MAX = 200;

/**
 * The only way mail leaves the app: messages are written into the outbox inside the caller's
 * transaction, so they are sent only if the change commits, and are not lost if the provider
 * is down or the process restarts.
 */
export async function enqueueEmail(tx: Tx, message: OutgoingEmail) {
  await enqueueEmails(tx, [message]);
}

/** The bulk form: a list of messages, or one shared message personalised per recipient. */
export async function enqueueEmails(tx: Tx, batch: OutgoingEmail[] | SharedEmail) {
  if (Array.isArray(batch)) {
    if (batch.length === 0) return;
    if (batch.length <= PLAIN_INSERT_MAX) await tx.insert(t.emailOutbox).values(batch);
    else
      await tx.execute(sql`
        insert into email_outbox ("to", subject, html, text, template)
        select x."to", x.subject, x.html, x.text, x.template
        from json_to_recordset(${JSON.stringify(batch)}::json) as x("to" text, subject text, html text, text text, template text)`);
  } else {
    if (batch.recipients.length === 0) return;
    await enqueueShared(tx, batch);
  }
  wakeOutboxWorker();
}

/** Set-based: the shared body goes to the database once, the recipients and their fills as JSON. */
async function enqueueShared(tx: Tx, { message, recipients }: SharedEmail) {
  const keys = Object.keys(recipients[0].fill ?? {});
  for (const r of recipients) {
    const have = Object.keys(r.fill ?? {});
    if (have.length !== keys.length || keys.some((k) => !(k in r.fill!))) throw new Error("Every recipient fills the same placeholders.");
  }
  let html = sql`${message.html}::text`;
  let text = sql`${message.text}::text`;
  keys.forEach((key, i) => {
    // The index is a number we generated, so it is written into the statement as a literal.
    html = sql`replace(${html}, ${key}::text, x.h->>${sql.raw(String(i))})`;
    text = sql`replace(${text}, ${key}::text, x.t->>${sql.raw(String(i))})`;
  });
  const rows = recipients.map((r) => ({
    to: r.to,
    h: keys.map((k) => escapeHtml(r.fill![k])),
    t: keys.map((k) => r.fill![k]),
  }));
  await tx.execute(sql`
    insert into email_outbox ("to", subject, html, text, template)
    select x."to", ${message.subject}, ${html}, ${text}, ${message.template}
    from json_to_recordset(${JSON.stringify(rows)}::json) as x("to" text, h json, t json)`);
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Values filled into the HTML part are escaped like the template's own text. */
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]);

import { desc, gte } from "drizzle-orm";
import { db, t } from "@/db";
import { mailboxCutoff } from "./mailbox-retention";

/** Messages the local mailbox transport received in the last 24 hours, newest first. */
export async function listMailbox(limit = 200) {
  // Older messages are shown nowhere, even before the worker's next purge.
  const rows = await db()
    .select()
    .from(t.devMailbox)
    .where(gte(t.devMailbox.createdAt, mailboxCutoff()))
    .orderBy(desc(t.devMailbox.createdAt))
    .limit(limit);
  return rows.map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, html: m.html, created_at: m.createdAt.toISOString() }));
}

export const extractLinks = (text: string) => [...new Set(text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [])];

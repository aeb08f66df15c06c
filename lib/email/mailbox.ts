import { desc } from "drizzle-orm";
import { db, t } from "@/db";

/** Messages the local mailbox transport received, newest first (only without an email provider). */
export async function listMailbox(limit = 200) {
  const rows = await db().select().from(t.devMailbox).orderBy(desc(t.devMailbox.createdAt)).limit(limit);
  return rows.map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, html: m.html, created_at: m.createdAt.toISOString() }));
}

export const extractLinks = (text: string) => [...new Set(text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [])];

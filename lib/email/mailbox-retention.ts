import { lt } from "drizzle-orm";
import { db, t, type Db } from "@/db";

/**
 * The mailbox copy of a message is kept for 24 hours: long enough to try the app out (the
 * longest link a person needs to follow at once, email verification, lasts 24 hours; the others
 * are shorter), short enough that links and member tokens do not pile up readable in the database.
 */
export const MAILBOX_RETENTION_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

export const mailboxCutoff = (now = new Date()) => new Date(now.getTime() - MAILBOX_RETENTION_MS);

/** Deletes mailbox messages older than the retention; returns how many went. */
export async function purgeOldMailbox({ database = db(), now = new Date() }: { database?: Db; now?: Date } = {}) {
  const gone = await database
    .delete(t.devMailbox)
    .where(lt(t.devMailbox.createdAt, mailboxCutoff(now)))
    .returning({ id: t.devMailbox.id });
  return gone.length;
}

/** Purges now and every ten minutes in this process (the outbox worker starts it with the mailbox transport). */
export function startMailboxRetention() {
  const run = () =>
    void purgeOldMailbox().catch((err) => console.error(JSON.stringify({ level: "warn", msg: "mailbox purge failed", err: String(err) })));
  const timer = setInterval(run, PURGE_EVERY_MS);
  timer.unref();
  run();
  return () => clearInterval(timer);
}

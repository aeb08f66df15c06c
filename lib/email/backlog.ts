import { count, inArray } from "drizzle-orm";
import { db, t } from "@/db";

/** How many outbox messages wait to be sent, and how many were given up on. */
export async function outboxBacklog() {
  const rows = await db()
    .select({ status: t.emailOutbox.status, n: count() })
    .from(t.emailOutbox)
    .where(inArray(t.emailOutbox.status, ["pending", "dead"]))
    .groupBy(t.emailOutbox.status);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { pending: of("pending"), dead: of("dead") };
}

import { and, inArray, lt, ne } from "drizzle-orm";
import { db, t } from "@/db";

// The delivery log keeps 30 days: enough to prove what was sent last month, without keeping
// every payload (member emails among them) for ever. Pending deliveries are never swept.
export const DELIVERY_RETENTION_MS = 30 * 86_400_000;
const BATCH = 10_000;

/** Deletes finished deliveries older than the retention, a batch per statement; returns how many. */
export async function sweepWebhookDeliveries(now = new Date()) {
  const d = t.webhookDeliveries;
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS);
  let total = 0;
  for (;;) {
    const old = db()
      .select({ id: d.id })
      .from(d)
      .where(and(ne(d.status, "pending"), lt(d.createdAt, cutoff)))
      .limit(BATCH);
    const gone = await db().delete(d).where(inArray(d.id, old)).returning({ id: d.id });
    total += gone.length;
    if (gone.length < BATCH) return total;
  }
}

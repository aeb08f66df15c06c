import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";

export type StoredResponse = { status: number; body?: unknown };

const TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Honours `Idempotency-Key` on POSTs: the first request with a key runs and its answer is stored;
 * a retry with the same key and body gets the stored answer instead of acting again.
 */
export async function withIdempotency(
  principal: string,
  key: string | null,
  request: { method: string; path: string; body: unknown },
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed?: boolean }> {
  if (!key || request.method !== "POST") return run();
  if (key.length > 255)
    throw new AppError("validation", "Idempotency-Key is at most 255 characters.", undefined, "invalid_idempotency_key");
  const requestHash = createHash("sha256")
    .update(JSON.stringify([request.method, request.path, request.body]))
    .digest("hex");
  const where = and(eq(t.idempotencyKeys.principal, principal), eq(t.idempotencyKeys.key, key));
  await db()
    .delete(t.idempotencyKeys)
    .where(and(where, lt(t.idempotencyKeys.createdAt, new Date(Date.now() - TTL_MS))));
  const [claimed] = await db().insert(t.idempotencyKeys).values({ principal, key, requestHash }).onConflictDoNothing().returning();
  if (!claimed) {
    const [existing] = await db().select().from(t.idempotencyKeys).where(where).limit(1);
    if (existing && existing.requestHash !== requestHash) {
      throw new AppError("validation", "This Idempotency-Key was used with a different request.", undefined, "idempotency_key_reused");
    }
    if (!existing || existing.status === null) {
      throw new AppError("conflict", "A request with this Idempotency-Key is still in progress.", undefined, "idempotency_in_progress");
    }
    return { status: existing.status, body: existing.body, replayed: true };
  }
  try {
    const response = await run();
    await db()
      .update(t.idempotencyKeys)
      .set({ status: response.status, body: response.body ?? null })
      .where(where);
    return response;
  } catch (err) {
    // A failed attempt may be retried with the same key.
    await db().delete(t.idempotencyKeys).where(where);
    throw err;
  }
}

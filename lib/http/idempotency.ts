import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";

export type StoredResponse = { status: number; body?: unknown };

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const TTL_MS = IDEMPOTENCY_TTL_MS;

// Stored instead of a body that carries a secret (a new client_secret, a member token): the
// table must never become a second copy of secrets the app otherwise keeps only as hashes.
const WITHHELD = { secret_withheld: true } as const;
const SECRET_KEYS = new Set(["client_secret", "token", "access_token", "refresh_token", "password", "secret"]);

/** Whether a response body holds a secret anywhere (by field name, at any depth). */
export function carriesSecret(body: unknown, depth = 0): boolean {
  if (!body || typeof body !== "object" || depth > 6) return false;
  if (Array.isArray(body)) return body.some((item) => carriesSecret(item, depth + 1));
  return Object.entries(body).some(
    ([key, value]) => (SECRET_KEYS.has(key.toLowerCase()) && typeof value === "string" && value !== "") || carriesSecret(value, depth + 1),
  );
}

const isWithheld = (body: unknown) =>
  !!body &&
  typeof body === "object" &&
  !Array.isArray(body) &&
  (body as Record<string, unknown>).secret_withheld === true &&
  Object.keys(body).length === 1;

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
    if (isWithheld(existing.body)) {
      throw new AppError(
        "conflict",
        `The request with this Idempotency-Key already succeeded (status ${existing.status}), and its answer held a secret that is not kept, so it cannot be shown again. List the resource to see what was created; issue a new secret if you lost it.`,
        undefined,
        "idempotency_secret_not_replayable",
      );
    }
    return { status: existing.status, body: existing.body, replayed: true };
  }
  try {
    const response = await run();
    await db()
      .update(t.idempotencyKeys)
      .set({ status: response.status, body: carriesSecret(response.body) ? WITHHELD : (response.body ?? null) })
      .where(where);
    return response;
  } catch (err) {
    // A failed attempt may be retried with the same key.
    await db().delete(t.idempotencyKeys).where(where);
    throw err;
  }
}

/** Deletes idempotency keys past their 24 hours (a retry after that acts again anyway). */
export async function sweepIdempotencyKeys(now = new Date()) {
  const gone = await db()
    .delete(t.idempotencyKeys)
    .where(lt(t.idempotencyKeys.createdAt, new Date(now.getTime() - TTL_MS)))
    .returning({ key: t.idempotencyKeys.key });
  return gone.length;
}

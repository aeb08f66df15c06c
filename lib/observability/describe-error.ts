// What of an error may go into a log line. A database error is logged by its SQLSTATE code,
// constraint and a message with every quoted value blanked: drizzle's own message ("Failed
// query: ... params: ...") and PostgreSQL's detail carry the statement's parameters, which can
// be invitation tokens, password hashes or email bodies.

type Described = { err: string; code?: string; constraint?: string; stack?: string };

type PgLike = { code?: unknown; constraint?: unknown; message?: unknown; name?: unknown; cause?: unknown };

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The innermost database error in the cause chain, if any (pg, PGlite, wrapped by drizzle or not). */
function databaseError(err: unknown): PgLike | null {
  let found: PgLike | null = null;
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 8; e = (e as PgLike).cause, depth++) {
    const c = e as PgLike;
    if ((typeof c.code === "string" && SQLSTATE.test(c.code)) || c.name === "DrizzleQueryError") found = c;
  }
  return found;
}

const isDrizzleQueryError = (err: unknown) =>
  !!err &&
  typeof err === "object" &&
  ((err as PgLike).name === "DrizzleQueryError" || String((err as PgLike).message).startsWith("Failed query:"));

/** Blanks quoted strings and parenthesised key values, keeping the sentence. */
export function redactMessage(message: string): string {
  return message
    .replace(/\bparams:[\s\S]*$/, "params: [redacted]")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\)=\([^)]*\)/g, ")=(…)")
    .slice(0, 500);
}

/** Fields for a JSON log line describing `err`, safe to write whatever the error was. */
export function describeError(err: unknown): Described {
  const db = databaseError(err);
  if (db || isDrizzleQueryError(err)) {
    const inner = db && typeof db.code === "string" ? db : null;
    return {
      err: `database error: ${redactMessage(String(inner?.message ?? "query failed"))}`,
      ...(inner ? { code: String(inner.code) } : {}),
      ...(typeof inner?.constraint === "string" ? { constraint: inner.constraint } : {}),
    };
  }
  const stack = err instanceof Error ? err.stack : undefined;
  return { err: String(err), ...(stack ? { stack } : {}) };
}

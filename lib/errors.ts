/** The one error type of the domain layer. Adapters map `code` to HTTP status or form errors. */
export type ErrorCode =
  "unauthenticated" | "forbidden" | "not_found" | "conflict" | "validation" | "rate_limited" | "payment_required" | "internal";

export const httpStatusByCode: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  rate_limited: 429,
  payment_required: 402,
  internal: 500,
};

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** A finer, stable reason for machines (e.g. "org_id_taken"); defaults to code. */
    readonly reason?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("forbidden", message);

/** PostgreSQL unique violation, whether it comes from pg or PGlite, wrapped by drizzle or not. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pgErr = e as { code?: string; constraint?: string; message?: string };
    if (pgErr.code === "23505") {
      return !constraint || pgErr.constraint === constraint || !!pgErr.message?.includes(constraint);
    }
  }
  return false;
}

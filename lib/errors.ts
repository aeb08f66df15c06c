/** The one error type of the domain layer. Adapters map `code` to HTTP status or form errors. */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "validation"
  | "rate_limited"
  | "payment_required"
  | "too_large"
  | "internal";

export const httpStatusByCode: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  rate_limited: 429,
  payment_required: 402,
  too_large: 413,
  internal: 500,
};

/**
 * The finer, stable reasons an error may carry (the `code` of a problem+json body). A typed
 * list, so a new reason is added here once and the OpenAPI document's enum follows.
 */
export const ERROR_REASONS = [
  "account_disabled",
  "admin_cannot_leave",
  "already_enabled",
  "already_member",
  "already_subscribed",
  "already_verified",
  "body_too_large",
  "csv_not_text",
  "csv_too_large",
  "csv_too_many_rows",
  "csv_unreadable",
  "disable_self",
  "domain_taken",
  "duplicate_channel",
  "duplicate_group",
  "duplicate_name",
  "duplicate_package",
  "delivery_pending",
  "email_taken",
  "email_unverified",
  "idempotency_in_progress",
  "idempotency_key_reused",
  "idempotency_secret_not_replayable",
  "invalid_characters",
  "invalid_client",
  "invalid_code",
  "invalid_credentials",
  "invalid_filename",
  "invalid_grant",
  "invalid_idempotency_key",
  "invalid_input",
  "invalid_json",
  "invalid_link",
  "invalid_package",
  "invalid_subdir",
  "invalid_token",
  "invitation_expired",
  "invitation_not_found",
  "invitation_other_account",
  "invitation_removed",
  "invitation_superseded",
  "invitation_used",
  "invite_rate_limited",
  "last_admin",
  "metadata_mismatch",
  "method_not_allowed",
  "missing_token",
  "no_seat",
  "no_seat_available",
  "no_seat_to_revoke",
  "no_subscription",
  "not_enabled",
  "mfa_required",
  "no_token",
  "not_a_member",
  "org_creation_restricted",
  "org_id_taken",
  "own_role",
  "password_too_common",
  "package_too_large",
  "rate_limited",
  "remove_self",
  "seat_already_assigned",
  "seats_below_assigned",
  "self_service_off",
  "session_not_found",
  "sign_up_closed",
  "sso_failed",
  "sso_not_configured",
  "sso_required",
  "subscription_inactive",
  "subscription_required",
  "token_already_revoked",
  "token_not_found",
  "too_many",
  "too_many_attempts",
  "too_many_webhooks",
  "unknown_group",
  "unsafe_url",
  "upload_incomplete",
  "user_not_found",
  "user_token_required",
  "webhook_disabled",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Every `code` a problem+json body may carry: a reason, or the plain error code when there is none. */
export type ProblemCode = ErrorCode | ErrorReason;
export const PROBLEM_CODES = [...new Set<ProblemCode>([...(Object.keys(httpStatusByCode) as ErrorCode[]), ...ERROR_REASONS])];

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** A finer, stable reason for machines (e.g. "org_id_taken"); defaults to code. */
    readonly reason?: ErrorReason,
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

import type { z } from "zod";
import { AppError, httpStatusByCode } from "@/lib/errors";
import { isPgDataException } from "../problem";

// Errors in the shapes of the published Organization Management API (v1): most as
// {"error": {"code", "message", "data"}}, invalid input as 422 {"detail": [{"loc", "msg", "type"}]}
// the way FastAPI reports it, so clients written for that API read them unchanged.

export type V1Detail = { loc: string[]; msg: string; type: string };

/** Where the domain's field names live in a v1 request. */
const fieldLocations: Record<string, string[]> = {
  expiresAt: ["body", "expires_at"],
  graceMonths: ["body", "expiration_tolerance_months"],
  userId: ["path", "user_id"],
  userIds: ["path", "user_id"],
  tokenId: ["path", "token_id"],
  _: ["body"],
};

/** Status codes where v1 differs from the rest of the API for the same reason. */
const v1Status: Record<string, number> = {
  no_seat_available: 402,
  no_subscription: 402,
  body_too_large: 413,
  // v1 documents 404 (not 409) for revoking a seat the user does not hold.
  no_seat_to_revoke: 404,
};

export function validationResponse(detail: V1Detail[]) {
  return Response.json({ detail }, { status: 422 });
}

export function errorResponse(status: number, code: string, message: string, data: unknown = null, headers: Record<string, string> = {}) {
  return Response.json({ error: { code, message, data } }, { status, headers });
}

/** A zod failure as FastAPI's detail list; `missing` when the field was not sent at all. */
export function zodDetail(where: "body" | "query" | "path", raw: unknown, issues: z.core.$ZodIssue[]): V1Detail[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const missing = issue.path.length > 0 && valueAt(raw, issue.path) === undefined;
    return { loc: [where, ...path], msg: missing ? "Field required" : issue.message, type: missing ? "missing" : issueType(issue) };
  });
}

function issueType(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") return `${String(issue.expected)}_type`;
  if (issue.code === "too_small" || issue.code === "too_big") return `${issue.origin}_${issue.code}`;
  if (issue.code === "invalid_format") return `${issue.format}_parsing`;
  return "value_error";
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Maps any thrown value to a v1 error answer; unknown errors are logged with an id, never leaked. */
export function v1ErrorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const reason = err.reason ?? err.code;
    const status = v1Status[reason] ?? httpStatusByCode[err.code];
    if (status === 422) {
      const fields = Object.entries(err.fields ?? {});
      if (fields.length === 0) return validationResponse([{ loc: ["body"], msg: err.message, type: reason }]);
      return validationResponse(
        fields.map(([key, msg]) => ({ loc: fieldLocations[key] ?? ["body", ...key.split(".")], msg, type: "value_error" })),
      );
    }
    const headers: Record<string, string> = {};
    if (err.retryAfterSeconds) headers["retry-after"] = String(err.retryAfterSeconds);
    if (status === 401) headers["www-authenticate"] = 'Bearer realm="api"';
    return errorResponse(status, reason, err.message, err.fields ?? null, headers);
  }
  const id = crypto.randomUUID();
  if (isPgDataException(err)) {
    console.error(JSON.stringify({ level: "warn", msg: "input rejected by the database", id, err: String(err) }));
    return validationResponse([
      { loc: ["body"], msg: `The request contains a value that cannot be stored (reference ${id}).`, type: "value_error" },
    ]);
  }
  console.error(JSON.stringify({ level: "error", msg: "unhandled API error", id, err: String(err), stack: (err as Error)?.stack }));
  return errorResponse(500, "internal", `An unexpected error occurred (reference ${id}).`);
}

/** A method the v1 route does not implement: 405 with `Allow`, in v1's error shape. */
export function v1MethodNotAllowed(allow: string) {
  return async (req: Request) =>
    errorResponse(405, "method_not_allowed", `${req.method} is not supported here; use ${allow}.`, null, { allow });
}

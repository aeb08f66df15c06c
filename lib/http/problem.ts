import { describeError } from "@/lib/observability/describe-error";
import { AppError, httpStatusByCode, type ProblemCode } from "@/lib/errors";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** An RFC 9457 problem details response with a stable `code`. */
export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  extra: { errors?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const body = {
    type: `https://org-portal.dev/problems/${code}`,
    title: titles[status] ?? "Error",
    status,
    code,
    detail,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return Response.json(body, {
    status,
    headers: { "content-type": "application/problem+json", ...extra.headers },
  });
}

/** Maps any thrown value to problem+json; unknown errors are logged with an id, never leaked. */
export function errorToProblem(err: unknown) {
  if (err instanceof AppError) {
    const status = httpStatusByCode[err.code];
    const headers: Record<string, string> = {};
    if (err.retryAfterSeconds) headers["retry-after"] = String(err.retryAfterSeconds);
    if (status === 401) headers["www-authenticate"] = 'Bearer realm="api"';
    return problem(status, err.reason ?? err.code, err.message, { errors: err.fields, headers });
  }
  const id = crypto.randomUUID();
  if (isPgDataException(err)) {
    // A value PostgreSQL cannot store or compare (bad encoding, out of range): the input's fault.
    console.error(JSON.stringify({ level: "warn", msg: "input rejected by the database", id, ...describeError(err) }));
    return problem(400, "invalid_input", `The request contains a value that cannot be stored (reference ${id}).`);
  }
  console.error(JSON.stringify({ level: "error", msg: "unhandled API error", id, ...describeError(err) }));
  return problem(500, "internal", `An unexpected error occurred (reference ${id}).`);
}

/** SQLSTATE class 22 (data exception), from pg or PGlite, wrapped by drizzle or not. */
export function isPgDataException(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

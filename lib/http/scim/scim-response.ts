import { describeError } from "@/lib/observability/describe-error";
import { AppError, httpStatusByCode } from "@/lib/errors";
import { ScimError, type ScimType } from "@/lib/domain/scim/scim-error";
import { isPgDataException } from "../problem";

export const SCIM_CONTENT_TYPE = "application/scim+json";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export function scimJson(status: number, body: unknown, headers: Record<string, string> = {}) {
  if (status === 204 || body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": SCIM_CONTENT_TYPE, ...headers } });
}

/** An error in the SCIM error schema (RFC 7644 3.12): `status` is a string there. */
export function scimErrorResponse(status: number, detail: string, scimType?: ScimType, headers: Record<string, string> = {}) {
  return scimJson(status, { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail }, headers);
}

const scimTypeByCode: Partial<Record<AppError["code"], ScimType>> = { conflict: "uniqueness", validation: "invalidValue" };

/** Any thrown value as a SCIM error; unexpected ones are logged with an id and never leaked. */
export function errorToScim(err: unknown): Response {
  if (err instanceof ScimError) {
    const headers: Record<string, string> = err.status === 401 ? { "www-authenticate": 'Bearer realm="scim"' } : {};
    return scimErrorResponse(err.status, err.message, err.scimType, headers);
  }
  if (err instanceof AppError) {
    const status = httpStatusByCode[err.code] === 422 ? 400 : httpStatusByCode[err.code];
    const fields = err.fields ? Object.values(err.fields).join(" ") : "";
    const detail = fields && err.message === "Some fields need attention." ? fields : [err.message, fields].filter(Boolean).join(" ");
    const headers: Record<string, string> = {};
    if (err.retryAfterSeconds) headers["retry-after"] = String(err.retryAfterSeconds);
    if (status === 401) headers["www-authenticate"] = 'Bearer realm="scim"';
    return scimErrorResponse(status, detail, scimTypeByCode[err.code], headers);
  }
  const id = crypto.randomUUID();
  if (isPgDataException(err)) {
    console.error(JSON.stringify({ level: "warn", msg: "SCIM input rejected by the database", id, ...describeError(err) }));
    return scimErrorResponse(400, `The request contains a value that cannot be stored (reference ${id}).`, "invalidValue");
  }
  console.error(JSON.stringify({ level: "error", msg: "unhandled SCIM error", id, ...describeError(err) }));
  return scimErrorResponse(500, `An unexpected error occurred (reference ${id}).`);
}

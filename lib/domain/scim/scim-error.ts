import { AppError, type ErrorCode } from "@/lib/errors";

/** The `scimType` values of RFC 7644 section 3.12 that this server answers with. */
export type ScimType = "invalidFilter" | "invalidSyntax" | "invalidPath" | "invalidValue" | "noTarget" | "uniqueness" | "mutability";

const codeByStatus: Record<number, ErrorCode> = {
  400: "validation",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
};

/**
 * An expected SCIM failure. It is an AppError (so the domain's other callers understand it) that
 * also carries the exact HTTP status and scimType the SCIM error schema reports.
 */
export class ScimError extends AppError {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(codeByStatus[status], message);
    this.name = "ScimError";
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");
export const invalidPath = (detail: string) => new ScimError(400, detail, "invalidPath");
export const scimNotFound = (what: "User" | "Group", id: string) => new ScimError(404, `${what} ${id} not found.`);

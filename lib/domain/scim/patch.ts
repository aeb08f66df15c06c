import { invalidPath, invalidValue, ScimError } from "./scim-error";

/**
 * PATCH as identity providers really send it (RFC 7644 3.5.2, plus what Entra ID and Okta do):
 * `Operations` (any case of `op`: `Replace`, `replace`, `Add`, `Remove`), with or without `path`,
 * a `value` object of several attributes, string booleans ("True"/"False"), paths such as
 * `name.givenName`, `emails[type eq "work"].value` and `members[value eq "..."]`, and attribute
 * names with the core schema's URN in front.
 */
export type PatchOp = { op: "add" | "replace" | "remove"; path: string | null; value: unknown };

const CORE_URNS = ["urn:ietf:params:scim:schemas:core:2.0:user:", "urn:ietf:params:scim:schemas:core:2.0:group:"];

export function parsePatchBody(body: unknown): PatchOp[] {
  const record = asRecord(body);
  const ops = record?.Operations ?? record?.operations;
  if (!Array.isArray(ops) || ops.length === 0)
    throw new ScimError(400, "Send Operations: a non-empty list of PATCH operations.", "invalidSyntax");
  if (ops.length > 1000) throw new ScimError(400, "At most 1000 operations per request.", "invalidSyntax");
  return ops.map((raw) => {
    const o = asRecord(raw);
    const op = typeof o?.op === "string" ? o.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove")
      throw new ScimError(400, "Each operation's op is add, replace or remove.", "invalidSyntax");
    const path = typeof o?.path === "string" && o.path.trim() !== "" ? normalizePath(o.path.trim()) : null;
    if (o?.path !== undefined && o.path !== null && typeof o.path !== "string") throw invalidPath("path must be a string.");
    if (op !== "remove" && path === null && asRecord(o?.value) === null)
      throw new ScimError(400, "An operation without a path needs an object value.", "invalidSyntax");
    return { op, path, value: o?.value };
  });
}

/** Strips the core schema URN (`urn:...:core:2.0:User:active` is `active`); compares case-insensitively. */
export function normalizePath(path: string): string {
  const lower = path.toLowerCase();
  const urn = CORE_URNS.find((u) => lower.startsWith(u));
  return urn ? path.slice(urn.length) : path;
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** SCIM booleans, including the strings Entra ID sends ("True", "False"). */
export function scimBoolean(value: unknown, name: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw invalidValue(`${name} must be true or false.`);
}

/** An optional string attribute: null and "" clear it; anything else must be a string of sane length. */
export function scimString(value: unknown, name: string, max = 256): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw invalidValue(`${name} must be a string.`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalidValue(`${name} is longer than ${max} characters.`);
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw invalidValue(`${name} contains control characters.`);
  return trimmed === "" ? null : trimmed;
}

/** The `value` of each `{ "value": "<id>" }` in a members list (a single object is taken as a list of one). */
export function memberIds(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((m) => {
    const id = asRecord(m)?.value;
    if (typeof id !== "string" || id.length > 100) throw invalidValue('Each member is an object with a "value" (the User id).');
    return id;
  });
}

/** `members[value eq "<id>"]` -> the id; null for other paths. */
export function memberFilterPath(path: string): string | null {
  const m = path.match(/^members\s*\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]$/i);
  return m ? m[1].replace(/\\(.)/g, "$1") : null;
}

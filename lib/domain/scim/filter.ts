import { ScimError } from "./scim-error";

export type EqFilter = { attribute: string; value: string };

/**
 * The filters identity providers send to find a resource before creating it: `attr eq "value"`
 * (Entra ID and Okta: `userName eq`, `externalId eq`, `displayName eq`; also `id eq`). Attribute
 * names compare case-insensitively (RFC 7644 3.4.2.2). Anything else is refused with
 * invalidFilter rather than silently ignored, which would answer with every resource.
 */
export function parseEqFilter(filter: string | null, allowed: readonly string[]): EqFilter | null {
  if (filter === null || filter.trim() === "") return null;
  const match = filter.match(/^\s*([A-Za-z][\w.:]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i);
  if (!match) throw new ScimError(400, 'Only filters of the form attribute eq "value" are supported.', "invalidFilter");
  const attribute = allowed.find((a) => a.toLowerCase() === match[1].toLowerCase());
  if (!attribute)
    throw new ScimError(400, `Filtering by ${match[1]} is not supported (use one of: ${allowed.join(", ")}).`, "invalidFilter");
  return { attribute, value: match[2].replace(/\\(.)/g, "$1") };
}

export type Paging = { startIndex: number; count: number };

export const MAX_PAGE = 200;

/** startIndex (1-based) and count of RFC 7644 3.4.2.4; out-of-range values are clamped as it says. */
export function parsePaging(params: URLSearchParams): Paging {
  const int = (name: string, fallback: number) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    if (!/^-?\d{1,9}$/.test(raw.trim())) throw new ScimError(400, `${name} must be an integer.`, "invalidValue");
    return Number(raw);
  };
  return { startIndex: Math.max(1, int("startIndex", 1)), count: Math.min(MAX_PAGE, Math.max(0, int("count", 100))) };
}

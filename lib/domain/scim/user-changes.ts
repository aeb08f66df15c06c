import { asRecord, scimBoolean, scimString, type PatchOp } from "./patch";
import { invalidValue } from "./scim-error";

/** What a PUT or PATCH asks to change on a User; absent keys stay as they are. */
export type UserChanges = {
  active?: boolean;
  externalId?: string | null;
  userName?: string;
  givenName?: string | null;
  familyName?: string | null;
  displayName?: string | null;
  email?: string;
};

/** The work (or primary, or first) address of an `emails` list. */
export function pickEmail(emails: unknown): string | undefined {
  if (emails === undefined || emails === null) return undefined;
  if (!Array.isArray(emails)) throw invalidValue("emails must be a list.");
  const entries = emails.map(asRecord).filter((e): e is Record<string, unknown> => e !== null);
  const chosen =
    entries.find((e) => e.primary === true || String(e.primary).toLowerCase() === "true") ??
    entries.find((e) => String(e.type).toLowerCase() === "work") ??
    entries[0];
  return chosen ? (scimString(chosen.value, "emails.value", 320) ?? undefined) : undefined;
}

/**
 * Sets one attribute named by a (case-insensitive) path. Attributes this portal does not keep
 * (title, phoneNumbers, addresses, the enterprise extension, ...) are accepted and ignored, as
 * Entra ID and Okta send them whether or not a server stores them.
 */
function setAttribute(changes: UserChanges, path: string, value: unknown, remove: boolean) {
  const p = path.toLowerCase().replace(/\s+/g, " ");
  const str = (name: string) => (remove ? null : scimString(value, name));
  if (p === "active") {
    if (!remove) changes.active = scimBoolean(value, "active");
  } else if (p === "externalid") changes.externalId = str("externalId");
  else if (p === "username") {
    const v = str("userName");
    if (v === null) throw invalidValue("userName is required and cannot be removed.");
    changes.userName = v;
  } else if (p === "displayname") changes.displayName = str("displayName");
  else if (p === "name.givenname") changes.givenName = str("name.givenName");
  else if (p === "name.familyname") changes.familyName = str("name.familyName");
  else if (p === "name") {
    const name = remove ? {} : asRecord(value);
    if (!name) throw invalidValue("name must be an object.");
    changes.givenName = scimString(name.givenName, "name.givenName");
    changes.familyName = scimString(name.familyName, "name.familyName");
  } else if (/^emails\[type eq "work"\]\.value$/.test(p) || /^emails\[primary eq true\]\.value$/.test(p)) {
    const v = str("emails.value");
    if (v) changes.email = v;
  } else if (p === "emails") {
    const v = remove ? undefined : pickEmail(value);
    if (v) changes.email = v;
  }
}

/** Folds PATCH operations, in order, into the changes they ask for. */
export function userChangesFromPatch(ops: PatchOp[]): UserChanges {
  const changes: UserChanges = {};
  for (const { op, path, value } of ops) {
    if (path !== null) {
      setAttribute(changes, path, value, op === "remove");
      continue;
    }
    // No path: the value is an object of attributes, keys possibly dotted (Entra: "name.givenName").
    for (const [key, v] of Object.entries(asRecord(value) ?? {})) setAttribute(changes, key, v, op === "remove");
  }
  return changes;
}

/** A full User resource (POST, PUT) as changes: what it omits is cleared, except userName and email. */
export function userChangesFromResource(body: unknown): UserChanges & { userName: string } {
  const r = asRecord(body);
  if (!r) throw invalidValue("Send a User resource (a JSON object).");
  const userName = scimString(r.userName, "userName", 320);
  if (!userName) throw invalidValue("userName is required.");
  const name = r.name === undefined || r.name === null ? {} : asRecord(r.name);
  if (!name) throw invalidValue("name must be an object.");
  return {
    userName,
    externalId: scimString(r.externalId, "externalId"),
    displayName: scimString(r.displayName, "displayName"),
    givenName: scimString(name.givenName, "name.givenName"),
    familyName: scimString(name.familyName, "name.familyName"),
    email: pickEmail(r.emails),
    active: r.active === undefined || r.active === null ? true : scimBoolean(r.active, "active"),
  };
}

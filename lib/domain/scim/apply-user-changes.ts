import { eq, sql } from "drizzle-orm";
import { t, type Tx } from "@/db";
import type { Organization } from "@/db/schema";
import { assertCan, type OrgPrincipal } from "@/lib/authz/policy";
import { isUniqueViolation } from "@/lib/errors";
import { recordActivities, type ActivityInput } from "../activity/record-activity";
import { findMember, memberLabel } from "../members/lock-org";
import { revokeSeatsAndTokens } from "../seats/revoke-access";
import type { ScimActor } from "./scim-token";
import { ScimError } from "./scim-error";
import type { ScimUserRow } from "./scim-users";
import type { UserChanges } from "./user-changes";

export const userNameTaken = () => new ScimError(409, "Another member of this organization has this userName or externalId.", "uniqueness");

/** The name an account created by SCIM carries: displayName, else given + family name, else the address. */
export function accountNameOf(c: Pick<UserChanges, "displayName" | "givenName" | "familyName">, email: string) {
  return c.displayName || [c.givenName, c.familyName].filter(Boolean).join(" ") || email.split("@")[0];
}

/**
 * Applies what a PUT or PATCH asks for to one member, in the caller's transaction, and records
 * it with the SCIM actor:
 * - `active: false` revokes the seat and every member token of the person at once (the same
 *   helper Revoke Seat and Remove use) and keeps them listed as an inactive member, who cannot
 *   open the org (org-access.ts) until reactivated;
 * - `active: true` restores the membership, without a seat (an admin assigns one again);
 * - names and ids are stored; the account's own name changes only when this org's SCIM made it.
 * An Account Admin is deactivated only by a person who is one (like removal by a service account).
 */
export async function applyUserChanges(
  tx: Tx,
  actor: ScimActor,
  org: Organization,
  principal: OrgPrincipal,
  row: ScimUserRow,
  c: UserChanges,
) {
  if (c.email !== undefined && row.email && c.email.toLowerCase() !== row.email) {
    throw new ScimError(400, "The address of an account is changed by its owner, not by the identity provider.", "mutability");
  }
  const wasActive = row.active ?? true;
  const active = c.active ?? wasActive;
  const member = (await findMember(tx, org.id, row.userId))!;
  const entries: ActivityInput[] = [];
  const target = { type: "user", id: row.userId, label: memberLabel(member) };

  if (!active && wasActive) {
    if (member.role === "admin") assertCan(principal, "members.manageAdmins");
    const seatRevoked = (await revokeSeatsAndTokens(tx, org.id, [row.userId])).length > 0;
    entries.push({ orgId: org.id, action: "member.deactivated", target, metadata: { seatRevoked } });
  } else if (active && !wasActive) {
    entries.push({ orgId: org.id, action: "member.reactivated", target });
  }

  const next = {
    externalId: c.externalId !== undefined ? c.externalId : row.externalId,
    userName: c.userName ?? row.userName,
    givenName: c.givenName !== undefined ? c.givenName : row.givenName,
    familyName: c.familyName !== undefined ? c.familyName : row.familyName,
  };
  const changed: string[] = (Object.keys(next) as (keyof typeof next)[]).filter((k) => (next[k] ?? null) !== (row[k] ?? null));
  try {
    await tx
      .insert(t.scimMembers)
      .values({ orgId: org.id, userId: row.userId, ...next, active, deactivatedAt: active ? null : new Date() })
      .onConflictDoUpdate({
        target: [t.scimMembers.orgId, t.scimMembers.userId],
        set: {
          ...next,
          active,
          deactivatedAt: active ? null : sql`coalesce(${t.scimMembers.deactivatedAt}, now())`,
          updatedAt: sql`now()`,
        },
      });
  } catch (err) {
    if (isUniqueViolation(err)) throw userNameTaken();
    throw err;
  }
  if (row.managesAccount && (c.displayName !== undefined || c.givenName !== undefined || c.familyName !== undefined) && row.email) {
    const name = accountNameOf({ displayName: c.displayName, givenName: next.givenName, familyName: next.familyName }, row.email);
    if (name !== row.accountName) {
      await tx.update(t.users).set({ name }).where(eq(t.users.id, row.userId));
      changed.push("displayName");
    }
  }
  if (changed.length) entries.push({ orgId: org.id, action: "member.updated", target, metadata: { fields: changed } });
  await recordActivities(tx, actor, entries);
}

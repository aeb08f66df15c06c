import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, t } from "@/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordActivities, type ActivityInput } from "../activity/record-activity";
import { lockOrgAccess } from "../members/lock-org";
import { loadOrgAccess } from "../organizations/org-access";
import { isVerifiedDomainOf } from "../api-users/invite-existing";
import { removeMember } from "../members/remove-member";
import { accountNameOf, applyUserChanges, userNameTaken } from "./apply-user-changes";
import { parsePatchBody } from "./patch";
import { ScimError, scimNotFound } from "./scim-error";
import type { ScimActor } from "./scim-token";
import { loadScimUser, toScimUser, userNameSql } from "./scim-users";
import { userChangesFromPatch, userChangesFromResource } from "./user-changes";

const emailSchema = z.email().max(320);

/**
 * POST /Users: the person joins the org as a Member (no seat). An existing account with this
 * address becomes the member when its address is verified and in a domain the org has verified
 * (the rule of every API that adds people, DESIGN 8.2); otherwise a new account is made with the
 * address verified (the IdP vouches for it) and no password: the person signs in with SSO, or
 * sets a password through Forgot password. Organization-managed users are for machines without
 * an address, so they are not what SCIM makes.
 */
export async function createScimUser(actor: ScimActor, orgSlug: string, body: unknown) {
  const c = userChangesFromResource(body);
  const rawEmail = c.email ?? (c.userName.includes("@") ? c.userName : undefined);
  const parsed = emailSchema.safeParse(rawEmail?.toLowerCase());
  if (!parsed.success) throw new ScimError(400, "A User needs an email address (emails, or a userName that is one).", "invalidValue");
  const email = parsed.data;
  try {
    return await db().transaction(async (tx) => {
      const { org } = await lockOrgAccess(tx, actor, orgSlug, "members.manage");
      const [clash] = await tx
        .select({ userId: t.memberships.userId })
        .from(t.memberships)
        .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
        .leftJoin(t.scimMembers, and(eq(t.scimMembers.orgId, t.memberships.orgId), eq(t.scimMembers.userId, t.memberships.userId)))
        .where(and(eq(t.memberships.orgId, org.id), sql`(${userNameSql} = lower(${c.userName}) or ${t.users.email} = ${email})`))
        .limit(1);
      if (clash) throw new ScimError(409, `A member with userName ${c.userName} or this address already exists.`, "uniqueness");
      const [existing] = await tx.select().from(t.users).where(eq(t.users.email, email)).limit(1);
      if (existing && !existing.emailVerifiedAt) {
        // Whoever registered the address never proved they own it: they do not join an org on
        // the IdP's word. The person verifies the address (or the account is removed) first.
        throw new ScimError(
          409,
          "An account with this address exists but has not verified it; it cannot be added until it does.",
          "uniqueness",
        );
      }
      if (existing && !(await isVerifiedDomainOf(tx, org, email))) {
        // DESIGN 8.2: an existing account never becomes a member unasked, unless the org has
        // proven it owns the address's domain. Any org can connect any IdP, so the IdP's word
        // alone does not pull someone else's account in.
        throw new ScimError(
          409,
          "An account with this address already exists. It joins by accepting an invitation, or directly once the organization verifies the address's domain (Org Profile -> Domains).",
          "uniqueness",
        );
      }
      const userId =
        existing?.id ??
        (
          await tx
            .insert(t.users)
            .values({ name: accountNameOf(c, email), email, emailVerifiedAt: new Date() })
            .returning({ id: t.users.id })
        )[0].id;
      await tx.insert(t.memberships).values({ orgId: org.id, userId, role: "member" });
      const active = c.active ?? true;
      await tx.insert(t.scimMembers).values({
        orgId: org.id,
        userId,
        externalId: c.externalId ?? null,
        userName: c.userName,
        givenName: c.givenName ?? null,
        familyName: c.familyName ?? null,
        managesAccount: !existing,
        active,
        deactivatedAt: active ? null : new Date(),
      });
      const target = { type: "user", id: userId, label: email };
      const entries: ActivityInput[] = [
        { orgId: org.id, action: "member.added", target, metadata: { created_account: !existing, via: "scim" } },
      ];
      if (!active) entries.push({ orgId: org.id, action: "member.deactivated", target, metadata: { seatRevoked: false } });
      await recordActivities(tx, actor, entries);
      return toScimUser(org, await loadScimUser(tx, org.id, userId));
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw userNameTaken();
    throw err;
  }
}

async function updateScimUser(actor: ScimActor, orgSlug: string, id: string, changesOf: () => ReturnType<typeof userChangesFromPatch>) {
  const changes = changesOf();
  return db().transaction(async (tx) => {
    const { org, principal } = await lockOrgAccess(tx, actor, orgSlug, "members.manage");
    const row = await loadScimUser(tx, org.id, id);
    await applyUserChanges(tx, actor, org, principal, row, changes);
    return toScimUser(org, await loadScimUser(tx, org.id, id));
  });
}

/** PUT /Users/{id}: the resource as the IdP now sees it (userName, externalId, names, active). */
export async function replaceScimUser(actor: ScimActor, orgSlug: string, id: string, body: unknown) {
  return updateScimUser(actor, orgSlug, id, () => {
    const { displayName, ...rest } = userChangesFromResource(body);
    return displayName ? { ...rest, displayName } : rest;
  });
}

/** PATCH /Users/{id}: the operations Entra ID and Okta send (see patch.ts). */
export async function patchScimUser(actor: ScimActor, orgSlug: string, id: string, body: unknown) {
  return updateScimUser(actor, orgSlug, id, () => userChangesFromPatch(parsePatchBody(body)));
}

/** DELETE /Users/{id}: the membership ends (Remove: seat and tokens revoked in the same transaction). */
export async function deleteScimUser(actor: ScimActor, orgSlug: string, id: string) {
  // Only the org's SCIM Users: an organization-managed machine user is not the IdP's to delete.
  const { org } = await loadOrgAccess(actor, orgSlug, "members.manage");
  await loadScimUser(db(), org.id, id);
  try {
    await removeMember(actor, orgSlug, { userId: id });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") throw scimNotFound("User", id);
    throw err;
  }
}

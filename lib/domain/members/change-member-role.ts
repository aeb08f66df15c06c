import { and, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan, roleLabels } from "@/lib/authz/policy";
import { AppError, notFound } from "@/lib/errors";
import { changeRoleSchema, type ChangeRoleInput } from "@/lib/validation/members";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { countAdmins, findMember, lockOrgAccess, memberLabel } from "./lock-org";

export const lastAdminError = () =>
  new AppError(
    "conflict",
    "An organization must keep at least one Account Admin. Make someone else an Account Admin first.",
    undefined,
    "last_admin",
  );

/**
 * Admins give a member another role. Nobody changes their own role, and the org keeps at
 * least one admin: the org row is locked before the admins are counted.
 */
export async function changeMemberRole(actor: Actor, orgSlug: string, input: ChangeRoleInput) {
  const { userId, role } = parseInput(changeRoleSchema, input);
  return db().transaction(async (tx) => {
    const { org, principal } = await lockOrgAccess(tx, actor, orgSlug, "members.manage");
    if (actor.kind === "user" && actor.userId === userId) {
      throw new AppError("forbidden", "You cannot change your own role. Ask another Account Admin.", undefined, "own_role");
    }
    const member = await findMember(tx, org.id, userId);
    if (!member) throw notFound("This person is not a member of this organization.");
    if (member.role === role) return { userId, role, changed: false };
    if (member.role === "admin" || role === "admin") assertCan(principal, "members.manageAdmins");
    if (member.role === "admin" && (await countAdmins(tx, org.id)) <= 1) throw lastAdminError();

    await tx
      .update(t.memberships)
      .set({ role })
      .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, userId)));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "member.role_changed",
      target: { type: "user", id: userId, label: memberLabel(member) },
      metadata: { from: member.role, to: role },
    });
    return { userId, role, changed: true, message: `${member.name} is now ${article(roleLabels[role])}.` };
  });
}

const article = (label: string) => `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;

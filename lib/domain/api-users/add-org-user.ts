import { and, eq } from "drizzle-orm";
import { db, t } from "@/db";
import AddedToOrganizationEmail, { addedToOrganizationSubject } from "@/emails/added-to-organization";
import { createPasswordSetupToken } from "@/lib/auth/password-setup-token";
import type { Actor } from "@/lib/authz/actor";
import { appUrl } from "@/lib/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { addOrgUserSchema, type AddOrgUserInput } from "@/lib/validation/api-users";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { lockOrgAccess } from "../members/lock-org";
import { loadOrgAccess } from "../organizations/org-access";
import { prepareSend } from "../invitations/invite-context";
import { inviteInstead, isVerifiedDomainOf } from "./invite-existing";

const alreadyMember = () =>
  new AppError("conflict", "This person is already a member of the organization.", { email: "Already a member." }, "already_member");

/**
 * Adds a person by email (creating an account that sets its password from an emailed link when
 * none exists), or, without an email, creates an organization-managed user for machines.
 */
export async function addOrgUser(actor: Actor, orgSlug: string, input: AddOrgUserInput) {
  const { email, first_name, last_name } = parseInput(addOrgUserSchema, input);
  const firstName = first_name || null;
  const lastName = last_name || null;
  const name = [firstName, lastName].filter(Boolean).join(" ");
  const { org: visible } = await loadOrgAccess(actor, orgSlug, "members.manage");
  const send = email ? await prepareSend(actor, visible, {}, { source: "api" }) : null;
  return db().transaction(async (tx) => {
    const { org } = await lockOrgAccess(tx, actor, orgSlug, "members.manage");
    let userId: string;
    let created = false;
    if (email) {
      const [existing] = await tx.select().from(t.users).where(eq(t.users.email, email)).limit(1);
      if (existing) {
        userId = existing.id;
        const [member] = await tx
          .select({ id: t.memberships.id })
          .from(t.memberships)
          .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, userId)))
          .limit(1);
        if (member) throw alreadyMember();
        // Whoever registered this address first must not become a member unasked (they may have
        // registered a colleague's address): they get an invitation to accept, unless the org
        // has proven it owns the address's domain and the address itself is verified.
        if (!existing.emailVerifiedAt || !(await isVerifiedDomainOf(tx, org, email)))
          return inviteInstead(tx, send, org, email, { firstName, lastName });
      } else {
        [{ id: userId }] = await tx
          .insert(t.users)
          .values({ name: name || email.split("@")[0], email })
          .returning({ id: t.users.id });
        created = true;
      }
      const [member] = await tx
        .select({ id: t.memberships.id })
        .from(t.memberships)
        .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, userId)))
        .limit(1);
      if (member) throw alreadyMember();
    } else {
      [{ id: userId }] = await tx
        .insert(t.users)
        .values({ name: name || "Managed user", email: null, managedByOrgId: org.id })
        .returning({ id: t.users.id });
    }
    await tx.insert(t.memberships).values({ orgId: org.id, userId, role: "member" });
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: email ? "member.added" : "managed_user.created",
      target: { type: "user", id: userId, label: email ?? (name || "Managed user") },
      metadata: { created_account: created },
    });
    if (email) {
      const link = created ? `${appUrl()}/set-password/${createPasswordSetupToken(userId, null)}` : `${appUrl()}/organizations/${org.slug}`;
      const message = await renderEmail(
        "added-to-organization",
        addedToOrganizationSubject(org.name),
        AddedToOrganizationEmail({ orgName: org.name, link, needsPassword: created }),
      );
      await enqueueEmail(tx, { ...message, to: email });
    }
    return { first_name: firstName, last_name: lastName, email: email ?? null, id: userId };
  });
}

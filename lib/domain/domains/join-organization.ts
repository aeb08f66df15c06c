import { and, eq, isNotNull } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError, notFound } from "@/lib/errors";
import { recordActivity } from "../activity/record-activity";
import { requireUser } from "../users/require-user";
import { emailDomain } from "./find-org-by-verified-domain";

/**
 * The orgs this account may Join: its address is verified and its domain is verified by an org
 * that allows joining, and it is not a member yet. One org per domain, so at most one.
 */
export async function listJoinableOrganizations(actor: Actor, q: Queryable = db()) {
  const { userId } = requireUser(actor);
  const [user] = await q.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  const domain = user?.email && user.emailVerifiedAt && !user.disabledAt ? emailDomain(user.email) : null;
  if (!domain) return [];
  const rows = await q
    .select({ id: t.organizations.id, orgId: t.organizations.slug, name: t.organizations.name, domain: t.orgDomains.domain })
    .from(t.orgDomains)
    .innerJoin(t.organizations, eq(t.organizations.id, t.orgDomains.orgId))
    .where(and(eq(t.orgDomains.domain, domain), isNotNull(t.orgDomains.verifiedAt), eq(t.organizations.allowDomainJoin, true)));
  const members = new Set(
    (await q.select({ orgId: t.memberships.orgId }).from(t.memberships).where(eq(t.memberships.userId, userId))).map((m) => m.orgId),
  );
  return rows.filter((r) => !members.has(r.id));
}

/**
 * Join: the account becomes a Member (no seat; an admin assigns one) of an org that verified
 * the domain of its verified address and allows joining. Any other org is "not found", as it
 * would be for a stranger: the answer never tells which orgs exist or what they allow.
 */
export async function joinOrganization(actor: Actor, orgSlug: string) {
  const { userId } = requireUser(actor);
  return db().transaction(async (tx) => {
    const [user] = await tx.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
    if (!user?.email) throw notFound("Organization not found.");
    if (!user.emailVerifiedAt) {
      throw new AppError(
        "forbidden",
        "Verify your email address first: only verified addresses can join by domain.",
        undefined,
        "email_unverified",
      );
    }
    const slug = orgSlug.trim().toLowerCase();
    const joinable = (await listJoinableOrganizations(actor, tx)).find((o) => o.orgId === slug);
    if (!joinable) {
      const [member] = await tx
        .select({ id: t.memberships.id })
        .from(t.memberships)
        .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.orgId))
        .where(and(eq(t.memberships.userId, userId), eq(t.organizations.slug, slug)));
      if (member) throw new AppError("conflict", "You are already a member of this organization.", undefined, "already_member");
      throw notFound("Organization not found.");
    }
    const [membership] = await tx
      .insert(t.memberships)
      .values({ orgId: joinable.id, userId, role: "member" })
      .onConflictDoNothing()
      .returning({ id: t.memberships.id });
    if (!membership) throw new AppError("conflict", "You are already a member of this organization.", undefined, "already_member");
    await recordActivity(tx, actor, {
      orgId: joinable.id,
      action: "member.joined",
      target: { type: "user", id: userId, label: user.email },
      metadata: { domain: joinable.domain },
    });
    return { orgId: joinable.orgId, name: joinable.name, role: "member" as const };
  });
}

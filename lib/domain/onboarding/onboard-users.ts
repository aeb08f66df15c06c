import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import UsersOnboardedEmail, { usersOnboardedSubject } from "@/emails/users-onboarded";
import { createPasswordSetupToken } from "@/lib/auth/password-setup-token";
import type { Actor } from "@/lib/authz/actor";
import { appUrl } from "@/lib/config";
import { enqueueEmails } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { generateToken, hashToken, tokenLast4 } from "@/lib/domain/tokens/member/format";
import { emailSchema } from "@/lib/validation/common";
import { onboardingSchema } from "@/lib/validation/onboarding";
import { parseInput } from "@/lib/validation/parse";
import { recordActivities } from "../activity/record-activity";
import { lockOrgAccess } from "../members/lock-org";
import { countHeldSeats, lockSubscription, noSubscriptionError } from "../seats/seat-usage";
import { prepareOnboardingEmails } from "./onboarding-emails";
import { loadOrgAccess } from "../organizations/org-access";
import { prepareSend } from "../invitations/invite-context";
import { inviteExistingAccounts } from "../api-users/invite-existing";
import { emailDomain, orgVerifiedDomains } from "../domains/find-org-by-verified-domain";

export type OnboardingResult = {
  users_in_onboarding_process: string[];
  users_unavailable_for_onboarding: string[];
  total_organization_seats: number;
  available_organization_seats: number;
};

/**
 * Automated onboarding: each address with no account yet (or whose account the org may add
 * directly: a verified address in one of its verified domains) becomes a Member with a seat and
 * a token, in list order, until the free seats run out. Other addresses with an account, repeated,
 * invalid, or beyond the free seats are reported as unavailable. One transaction, with the
 * subscription row locked, so seats are never over-assigned even under concurrent calls.
 */
export async function onboardUsers(actor: Actor, orgSlug: string, input: unknown, { now = new Date() } = {}): Promise<OnboardingResult> {
  const { user_emails } = parseInput(onboardingSchema, input);
  const { org: visible } = await loadOrgAccess(actor, orgSlug, "members.manage");
  const send = await prepareSend(actor, visible, {}, { source: "onboarding" });
  return db().transaction(async (tx) => {
    const { org } = await lockOrgAccess(tx, actor, orgSlug, "members.manage");
    const sub = await lockSubscription(tx, org.id);
    if (!sub) throw noSubscriptionError();
    // Seats reserved by pending invitations are promised to the invited people: not free here.
    let available = Math.max(0, sub.seats - (await countHeldSeats(tx, org.id, now)).held);

    const normalized = user_emails.map((raw) => ({ raw, email: emailSchema.safeParse(raw).data }));
    const candidates = [...new Set(normalized.flatMap((n) => (n.email ? [n.email] : [])))];
    const existing =
      candidates.length === 0
        ? []
        : await tx
            .select({ id: t.users.id, email: t.users.email, verifiedAt: t.users.emailVerifiedAt })
            .from(t.users)
            .where(inArray(t.users.email, candidates));
    const taken = new Set(existing.map((r) => r.email));
    // Accounts the org may add without asking (8.2): a verified address in a domain this org has
    // verified, not a member yet. They are onboarded like new addresses, seat and token included.
    const members = new Set(
      existing.length === 0
        ? []
        : (
            await tx
              .select({ userId: t.memberships.userId })
              .from(t.memberships)
              .where(
                and(
                  eq(t.memberships.orgId, org.id),
                  inArray(
                    t.memberships.userId,
                    existing.map((r) => r.id),
                  ),
                ),
              )
          ).map((m) => m.userId),
    );
    const verifiedDomains = existing.length === 0 ? new Set<string>() : await orgVerifiedDomains(tx, org.id);
    const direct = new Map<string, string>();
    for (const r of existing) {
      const domain = r.email ? emailDomain(r.email) : null;
      if (r.email && r.verifiedAt && !members.has(r.id) && domain && verifiedDomains.has(domain)) direct.set(r.email, r.id);
    }
    const onboard: string[] = [];
    const unavailable: string[] = [];
    const seen = new Set<string>();
    for (const { raw, email } of normalized) {
      if (!email || (taken.has(email) && !direct.has(email)) || seen.has(email) || available === 0) unavailable.push(email ?? raw);
      else {
        onboard.push(email);
        available--;
      }
      if (email) seen.add(email);
    }

    // An address that already has an account is never made a member unasked (whoever registered
    // it may not be its owner): it is invited instead, and reported as not onboarded.
    await inviteExistingAccounts(
      tx,
      send,
      org,
      [...taken].filter((e): e is string => !!e && !direct.has(e)),
    );

    if (onboard.length > 0) {
      const fresh = onboard.filter((email) => !direct.has(email));
      const created =
        fresh.length === 0
          ? []
          : await tx
              .insert(t.users)
              .values(fresh.map((email) => ({ name: email.split("@")[0], email })))
              .returning({ id: t.users.id, email: t.users.email });
      const createdIds = new Set(created.map((u) => u.id));
      const byEmail = new Map(created.map((u) => [u.email, u.id]));
      const users = onboard.map((email) => ({ id: direct.get(email) ?? byEmail.get(email)!, email }));
      await tx
        .insert(t.memberships)
        .values(users.map((u) => ({ orgId: org.id, userId: u.id, role: "member" as const, seatAssignedAt: now })));
      const people = users.map((u) => ({ ...u, token: generateToken() }));
      await tx.insert(t.memberTokens).values(
        people.map((p) => ({
          orgId: org.id,
          userId: p.id,
          tokenHash: hashToken(p.token),
          last4: tokenLast4(p.token),
          expiresAt: sub.currentPeriodEnd,
          createdAt: now,
        })),
      );
      await recordActivities(
        tx,
        actor,
        people.map((p) => ({
          orgId: org.id,
          action: "member.onboarded",
          target: { type: "user", id: p.id, label: p.email },
          metadata: { seat: true, token_last4: tokenLast4(p.token), existing_account: !createdIds.has(p.id) },
        })),
      );
      const mailsFor = await prepareOnboardingEmails(org, sub.currentPeriodEnd);
      await enqueueEmails(
        tx,
        mailsFor(
          people.map((p) => ({
            to: p.email!,
            token: p.token,
            setupLink: createdIds.has(p.id) ? `${appUrl()}/set-password/${createPasswordSetupToken(p.id, null)}` : null,
          })),
        ),
      );
      await notifyAdmins(tx, actor, org, onboard);
    }
    return {
      users_in_onboarding_process: onboard,
      users_unavailable_for_onboarding: unavailable,
      total_organization_seats: sub.seats,
      available_organization_seats: available,
    };
  });
}

async function notifyAdmins(
  tx: Parameters<typeof recordActivities>[0],
  actor: Actor,
  org: { id: string; name: string; slug: string },
  emails: string[],
) {
  const admins = await tx
    .select({ email: t.users.email })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.role, "admin")));
  const message = await renderEmail(
    "users-onboarded",
    usersOnboardedSubject(org.name, emails.length),
    UsersOnboardedEmail({
      orgName: org.name,
      count: emails.length,
      emails,
      usersUrl: `${appUrl()}/organizations/${org.slug}/users`,
      actorLabel: actor.kind === "anonymous" ? "Someone" : actor.label,
    }),
  );
  await enqueueEmails(
    tx,
    admins.flatMap((a) => (a.email ? [{ ...message, to: a.email }] : [])),
  );
}

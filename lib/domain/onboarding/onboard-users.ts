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

export type OnboardingResult = {
  users_in_onboarding_process: string[];
  users_unavailable_for_onboarding: string[];
  total_organization_seats: number;
  available_organization_seats: number;
};

/**
 * Automated onboarding: each address with no account yet becomes a Member with a seat and a
 * token, in list order, until the free seats run out. Addresses with an account, repeated,
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
    const taken = new Set(
      candidates.length === 0
        ? []
        : (await tx.select({ email: t.users.email }).from(t.users).where(inArray(t.users.email, candidates))).map((r) => r.email),
    );
    const onboard: string[] = [];
    const unavailable: string[] = [];
    const seen = new Set<string>();
    for (const { raw, email } of normalized) {
      if (!email || taken.has(email) || seen.has(email) || available === 0) unavailable.push(email ?? raw);
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
      [...taken].filter((e): e is string => !!e),
    );

    if (onboard.length > 0) {
      const users = await tx
        .insert(t.users)
        .values(onboard.map((email) => ({ name: email.split("@")[0], email })))
        .returning({ id: t.users.id, email: t.users.email });
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
          metadata: { seat: true, token_last4: tokenLast4(p.token) },
        })),
      );
      const mailsFor = await prepareOnboardingEmails(org, sub.currentPeriodEnd);
      await enqueueEmails(
        tx,
        mailsFor(
          people.map((p) => ({
            to: p.email!,
            token: p.token,
            setupLink: `${appUrl()}/set-password/${createPasswordSetupToken(p.id, null)}`,
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

import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as onboarding } from "@/app/api/organizations/[orgId]/onboarding/route";
import { POST as addUser } from "@/app/api/organizations/[orgId]/users/route";
import { db, t } from "@/db";
import { acceptInvitation } from "@/lib/domain/invitations/accept-invitation";
import { latestInvitation } from "@/lib/domain/invitations/test-helpers";
import { createTestOrg, serviceAccountOf } from "@/lib/domain/members/test-support";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { signUp } from "@/lib/domain/users/sign-up";
import { callRoute, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { confirmEmailLink, describeEmailLink, resendVerificationEmail } from "./verify-email";

useTestDatabase();

const password = "correct horse battery";

async function lastMailTo(to: string) {
  const [mail] = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, to)).orderBy(desc(t.emailOutbox.id)).limit(1);
  return mail;
}
const tokenIn = (text: string, path = "verify-email") => text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))?.[1] ?? "";

async function signedUp(email = `v-${crypto.randomUUID().slice(0, 8)}@example.com`) {
  const user = await signUp({ name: "Vera", email, password }, { ip: "198.51.100.3" });
  const actor = { kind: "user" as const, userId: user.id, label: email, ip: "198.51.100.3" };
  return { user, actor, email };
}

describe("email verification", () => {
  it("sign-up mails a link; until it is followed the account cannot create organizations", async () => {
    const { actor, email } = await signedUp();
    const mail = await lastMailTo(email);
    expect(mail).toMatchObject({ template: "verify-email", subject: expect.stringMatching(/verify/i) });
    expect(await rejectionOf(createOrganization(actor, { name: "Squat", orgId: `sq-${actor.userId.slice(0, 6)}` }))).toMatchObject({
      code: "forbidden",
      reason: "email_unverified",
    });
    const token = tokenIn(mail.text);
    expect(await describeEmailLink(token)).toEqual({ purpose: "verify_email", email });
    await confirmEmailLink(token, { ip: "198.51.100.3" });
    const [row] = await db().select().from(t.users).where(eq(t.users.id, actor.userId));
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    await expect(createOrganization(actor, { name: "Mine", orgId: `ok-${actor.userId.slice(0, 6)}` })).resolves.toBeTruthy();
    const [entry] = await db().select().from(t.activity).where(eq(t.activity.action, "account.email_verified"));
    expect(entry).toMatchObject({ orgId: null, actorId: actor.userId });
  });

  it("the link works once and for 24 hours", async () => {
    const a = await signedUp();
    const tokenA = tokenIn((await lastMailTo(a.email)).text);
    await confirmEmailLink(tokenA);
    expect(await rejectionOf(confirmEmailLink(tokenA))).toMatchObject({ code: "not_found", reason: "invalid_link" });
    expect(await describeEmailLink(tokenA)).toBeNull();

    const b = await signedUp();
    const tokenB = tokenIn((await lastMailTo(b.email)).text);
    const later = new Date(Date.now() + 24 * 60 * 60 * 1000 + 60_000);
    expect(await rejectionOf(confirmEmailLink(tokenB, { now: later }))).toMatchObject({ reason: "invalid_link" });
    expect(await rejectionOf(confirmEmailLink("made-up-token-made-up-token-made-up"))).toMatchObject({ reason: "invalid_link" });
  });

  it("Resend Verification Email sends a new link, a few times per quarter hour, only to the unverified account itself", async () => {
    const { actor, email } = await signedUp();
    await expect(resendVerificationEmail(actor)).resolves.toEqual({ sentTo: email });
    const mail = await lastMailTo(email);
    expect(mail.subject).toMatch(/verify/i);
    await resendVerificationEmail(actor);
    await resendVerificationEmail(actor);
    expect(await rejectionOf(resendVerificationEmail(actor))).toMatchObject({ code: "rate_limited" });
    await confirmEmailLink(tokenIn(mail.text));
    const other = await signedUp();
    await confirmEmailLink(tokenIn((await lastMailTo(other.email)).text));
    expect(await rejectionOf(resendVerificationEmail(other.actor))).toMatchObject({ code: "conflict", reason: "already_verified" });
    const { org } = await createTestOrg("Bots");
    expect(await rejectionOf(resendVerificationEmail(serviceAccountOf(org)))).toMatchObject({ code: "unauthenticated" });
  });

  it("accepting an invitation sent to the address verifies it", async () => {
    const { org, admin } = await createTestOrg("Inviting");
    const { actor, email } = await signedUp();
    const { inviteMembers } = await import("@/lib/domain/invitations/invite-members");
    await inviteMembers(admin, org.slug, { emails: [email] });
    const { token } = await latestInvitation(email);
    await acceptInvitation(actor, token);
    const [row] = await db().select().from(t.users).where(eq(t.users.id, actor.userId));
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
  });
});

describe("adding an existing account through the API (squatting)", () => {
  it("someone who registered a colleague's address first gets an invitation, never a membership", async () => {
    const { org, saToken, adminToken } = await createApiOrg();
    // The squatter signs up with the address before its owner does, and never verifies it.
    const squatter = await signedUp("colleague@example.com");
    for (const token of [saToken, adminToken]) {
      const res = await callRoute(addUser, {
        method: "POST",
        token,
        params: { orgId: org.slug },
        body: { email: "Colleague@Example.com", first_name: "Col" },
      });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        invited: true,
        email: "colleague@example.com",
        first_name: "Col",
        invitation_id: expect.any(String),
      });
    }
    const member = await db()
      .select()
      .from(t.memberships)
      .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, squatter.user.id)));
    expect(member).toEqual([]);
    // One pending invitation (the second call sent it again with a fresh link), mailed to the address.
    const pending = await db()
      .select()
      .from(t.invitations)
      .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.email, "colleague@example.com")));
    expect(pending.map((p) => p.status)).toEqual(["pending"]);
    const mails = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, "colleague@example.com"));
    expect(mails.map((m) => m.template)).toEqual(["verify-email", "invitation", "invitation"]);
  });

  it("a verified existing account is invited too (the org has not verified its domain), and joins by accepting", async () => {
    const { org, saToken } = await createApiOrg();
    const person = await signedUp();
    await confirmEmailLink(tokenIn((await lastMailTo(person.email)).text));
    const res = await callRoute(addUser, { method: "POST", token: saToken, params: { orgId: org.slug }, body: { email: person.email } });
    expect([res.status, res.body.invited]).toEqual([202, true]);
    const { token } = await latestInvitation(person.email);
    await acceptInvitation(person.actor, token);
    const member = await db()
      .select()
      .from(t.memberships)
      .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, person.user.id)));
    expect(member).toHaveLength(1);
    const again = await callRoute(addUser, { method: "POST", token: saToken, params: { orgId: org.slug }, body: { email: person.email } });
    expect([again.status, again.body.code]).toEqual([409, "already_member"]);
  });

  it("onboarding never makes an existing account a member: it is reported unavailable and invited", async () => {
    const { org, saToken } = await createApiOrg({ seats: 5 });
    const squatter = await signedUp();
    const res = await callRoute(onboarding, {
      method: "POST",
      token: saToken,
      params: { orgId: org.slug },
      body: { user_emails: [squatter.email, "fresh-person@example.com"] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      users_in_onboarding_process: ["fresh-person@example.com"],
      users_unavailable_for_onboarding: [squatter.email],
    });
    const member = await db()
      .select()
      .from(t.memberships)
      .where(and(eq(t.memberships.orgId, org.id), eq(t.memberships.userId, squatter.user.id)));
    expect(member).toEqual([]);
    const [invitation] = await db()
      .select()
      .from(t.invitations)
      .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.email, squatter.email)));
    expect(invitation).toMatchObject({ status: "pending" });
  });
});

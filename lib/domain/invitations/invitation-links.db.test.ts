import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { anonymous } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { addMember, rejectionOf } from "@/test/factories";
import { useTestDatabase } from "@/test/db";
import { acceptInvitation } from "./accept-invitation";
import { findInvitationByToken } from "./find-invitation";
import { inviteMembers } from "./invite-members";
import { listInvitations } from "./list-invitations";
import { removeInvitations } from "./remove-invitations";
import { resendInvitations } from "./resend-invitations";
import { adminWithOrg, DAY, invitationsOf, latestInvitation, snapshot, uniqueAddress, userWithEmail } from "./test-helpers";

useTestDatabase();

/** An org with one pending invitation; the invitee's account exists (as after sign-up). */
async function invited({ now }: { now?: Date } = {}) {
  const { admin, org } = await adminWithOrg();
  const email = uniqueAddress();
  await inviteMembers(admin, org.slug, { emails: [email] }, { now });
  const { token } = await latestInvitation(email);
  const [invitation] = await invitationsOf(org.id);
  return { admin, org, email, token, invitation };
}

/** Accepting fails with this reason and leaves the database as it was. */
async function expectAcceptRefused(
  actor: Parameters<typeof acceptInvitation>[0],
  token: string,
  orgId: string,
  reason: string,
  now?: Date,
) {
  const before = await snapshot(orgId);
  const err = await rejectionOf(acceptInvitation(actor, token, { now }));
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).reason).toBe(reason);
  expect(await snapshot(orgId)).toEqual(before);
  return err as AppError;
}

const membershipOf = async (orgId: string, userId: string) =>
  db()
    .select()
    .from(t.memberships)
    .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.userId, userId)));

describe("acceptInvitation", () => {
  it("makes the invited account a Member without a seat, records it and emails the admins", async () => {
    const { admin, org, email, token, invitation } = await invited();
    // The account's address in another case still matches.
    const invitee = await userWithEmail(email.toUpperCase(), "Grace");
    const result = await acceptInvitation(invitee, token);
    expect(result).toEqual({ orgSlug: org.slug, joined: true, seat: false });

    expect(await membershipOf(org.id, invitee.userId)).toEqual([expect.objectContaining({ role: "member", seatAssignedAt: null })]);
    const [row] = await invitationsOf(org.id);
    expect(row).toMatchObject({ status: "accepted", acceptedBy: invitee.userId });
    expect(row.acceptedAt).toBeInstanceOf(Date);

    const [event] = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "invitation.accepted")));
    expect(event).toMatchObject({ actorId: invitee.userId, targetId: invitation.id, targetLabel: email });

    const [mail] = await db()
      .select()
      .from(t.emailOutbox)
      .where(and(eq(t.emailOutbox.to, admin.label), eq(t.emailOutbox.template, "invitation-accepted")));
    expect(mail.subject).toBe(`${email} accepted your invitation to ${org.name}`);
    expect(mail.text).toContain("Grace");

    // The accepted invitation is no longer listed.
    expect((await listInvitations(admin, org.slug)).rows).toEqual([]);
  });

  it("accepting twice, or twice at once, makes one membership", async () => {
    const { org, email, token } = await invited();
    const invitee = await userWithEmail(email);
    const results = await Promise.all([acceptInvitation(invitee, token), acceptInvitation(invitee, token)]);
    expect(results.map((r) => r.orgSlug)).toEqual([org.slug, org.slug]);
    expect(results.filter((r) => r.joined)).toHaveLength(1);
    await acceptInvitation(invitee, token);
    expect(await membershipOf(org.id, invitee.userId)).toHaveLength(1);
    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "invitation.accepted")));
    expect(events).toHaveLength(1);
  });

  it("a used link fails for anyone else", async () => {
    const { org, email, token } = await invited();
    await acceptInvitation(await userWithEmail(email), token);
    expect((await findInvitationByToken(token)).state).toBe("used");
    const other = await userWithEmail(uniqueAddress("other"));
    await expectAcceptRefused(other, token, org.id, "invitation_used");
  });

  it("another signed-in account cannot accept, and is told which address to use", async () => {
    const { org, email, token } = await invited();
    const other = await userWithEmail(uniqueAddress("other"));
    const err = await expectAcceptRefused(other, token, org.id, "invitation_other_account");
    expect(err.code).toBe("forbidden");
    expect(err.message).toContain(email);
    expect(err.message).toContain(other.label);
    expect((await findInvitationByToken(token)).state).toBe("valid");
  });

  it("resending makes the earlier link fail as superseded; the new link works", async () => {
    const { admin, org, email, token, invitation } = await invited();
    const result = await resendInvitations(admin, org.slug, { ids: [invitation.id] });
    expect(result).toMatchObject({ resent: 1, skipped: 0 });
    const { token: fresh } = await latestInvitation(email);
    expect(fresh).not.toBe(token);
    const invitee = await userWithEmail(email);
    expect((await findInvitationByToken(token)).state).toBe("superseded");
    await expectAcceptRefused(invitee, token, org.id, "invitation_superseded");
    await expect(acceptInvitation(invitee, fresh)).resolves.toMatchObject({ joined: true });
  });

  it("removing makes the link fail at once", async () => {
    const { admin, org, email, token, invitation } = await invited();
    expect(await removeInvitations(admin, org.slug, { ids: [invitation.id] })).toMatchObject({ removed: 1 });
    expect((await findInvitationByToken(token)).state).toBe("removed");
    await expectAcceptRefused(await userWithEmail(email), token, org.id, "invitation_removed");
    const [event] = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "invitation.removed")));
    expect(event).toMatchObject({ actorId: admin.userId, targetLabel: email });
    // Removing again changes nothing and says so.
    expect(await removeInvitations(admin, org.slug, { ids: [invitation.id] })).toMatchObject({ removed: 0, skipped: 1 });
  });

  it("an 8-day-old link fails as expired; resending revives the invitation", async () => {
    const now = new Date("2026-05-10T12:00:00Z");
    const sent = new Date(now.getTime() - 8 * DAY);
    const { admin, org, email, token, invitation } = await invited({ now: sent });
    const invitee = await userWithEmail(email);
    expect((await findInvitationByToken(token, { now })).state).toBe("expired");
    await expectAcceptRefused(invitee, token, org.id, "invitation_expired", now);
    // Still valid just before the 7 days are up.
    expect((await findInvitationByToken(token, { now: new Date(sent.getTime() + 7 * DAY - 1000) })).state).toBe("valid");

    const page = await listInvitations(admin, org.slug, {}, { now });
    expect(page.rows).toEqual([expect.objectContaining({ id: invitation.id, status: "expired" })]);

    await resendInvitations(admin, org.slug, { ids: [invitation.id] }, { now });
    const { token: fresh } = await latestInvitation(email);
    expect((await listInvitations(admin, org.slug, {}, { now })).rows[0].status).toBe("pending");
    await expect(acceptInvitation(invitee, fresh, { now })).resolves.toMatchObject({ joined: true });
  });

  it("unknown and malformed links are not found; anonymous callers must sign in", async () => {
    const { org, token } = await invited();
    const stranger = await userWithEmail(uniqueAddress());
    await expectAcceptRefused(stranger, `inv_${"A".repeat(43)}`, org.id, "invitation_not_found");
    await expectAcceptRefused(stranger, "not-a-token", org.id, "invitation_not_found");
    const err = await rejectionOf(acceptInvitation(anonymous(), token));
    expect(err).toMatchObject({ code: "unauthenticated" });
  });

  it("an account that became a member some other way accepts without a second membership or a role change", async () => {
    const { org, email, token } = await invited();
    const invitee = await userWithEmail(email);
    await addMember(org.id, invitee, "billing_manager");
    await expect(acceptInvitation(invitee, token)).resolves.toEqual({ orgSlug: org.slug, joined: false, seat: false });
    expect(await membershipOf(org.id, invitee.userId)).toEqual([expect.objectContaining({ role: "billing_manager" })]);
    expect((await invitationsOf(org.id))[0].status).toBe("accepted");
  });
});

describe("resend and remove in bulk", () => {
  it("resends and removes many at once, skipping ids that are not pending or of another org", async () => {
    const { admin, org } = await adminWithOrg();
    const emails = Array.from({ length: 5 }, () => uniqueAddress("bulk"));
    await inviteMembers(admin, org.slug, { emails });
    const ids = (await invitationsOf(org.id)).map((r) => r.id);
    const other = await adminWithOrg();
    await inviteMembers(other.admin, other.org.slug, { emails: [uniqueAddress()] });
    const [foreign] = await invitationsOf(other.org.id);

    expect(await resendInvitations(admin, org.slug, { ids: [...ids, foreign.id] })).toMatchObject({ resent: 5, skipped: 1 });
    expect(await removeInvitations(admin, org.slug, { ids: [...ids.slice(0, 3), foreign.id] })).toMatchObject({ removed: 3, skipped: 1 });
    expect((await invitationsOf(other.org.id))[0]).toMatchObject({ status: "pending", tokenHash: foreign.tokenHash });
    const page = await listInvitations(admin, org.slug);
    expect(page.total).toBe(2);
    expect((await invitationsOf(org.id)).filter((r) => r.status === "revoked")).toHaveLength(3);
  });

  it("lists with search and pages", async () => {
    const { admin, org } = await adminWithOrg();
    const emails = Array.from({ length: 30 }, (_, i) => `page-${String(i).padStart(2, "0")}@example.com`);
    await inviteMembers(admin, org.slug, { emails: [...emails, "someone_else@example.com"] });
    const first = await listInvitations(admin, org.slug);
    expect(first).toMatchObject({ total: 31, page: 1, pageSize: 25 });
    expect(first.rows).toHaveLength(25);
    const second = await listInvitations(admin, org.slug, { page: 2 });
    expect(second.rows).toHaveLength(6);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(31);
    expect((await listInvitations(admin, org.slug, { q: "PAGE-1" })).total).toBe(10);
    // LIKE wildcards in the search are taken literally.
    expect((await listInvitations(admin, org.slug, { q: "_else" })).rows.map((r) => r.email)).toEqual(["someone_else@example.com"]);
    expect((await listInvitations(admin, org.slug, { q: "%" })).total).toBe(0);
  });
});

import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { AppError } from "@/lib/errors";
import { addMember, rejectionOf } from "@/test/factories";
import { useTestDatabase } from "@/test/db";
import { findInvitationByToken } from "./find-invitation";
import { hashInvitationToken } from "./invitation-token";
import { inviteFromCsv, inviteMembers } from "./invite-members";
import { inviteLimits } from "./invite-limiter";
import { adminWithOrg, DAY, invitationsOf, latestInvitation, snapshot, uniqueAddress, userWithEmail } from "./test-helpers";

useTestDatabase();

const csv = (text: string) => new TextEncoder().encode(text);

describe("inviteMembers", () => {
  it("creates pending invitations valid 7 days, stores only the link's hash, emails the link", async () => {
    const { admin, org } = await adminWithOrg("Ada Admin");
    const now = new Date("2026-03-01T10:00:00Z");
    const [a, b] = [uniqueAddress(), uniqueAddress()];
    const report = await inviteMembers(admin, org.slug, { emails: [a.toUpperCase(), ` ${b} `] }, { now });
    expect(report.entries).toEqual([
      { email: a, outcome: "invited", role: "member" },
      { email: b, outcome: "invited", role: "member" },
    ]);
    expect(report.counts).toEqual({ invited: 2, already_invited: 0, already_member: 0, no_seat_available: 0, invalid: 0 });

    const rows = await invitationsOf(org.id);
    expect(rows.map((r) => r.email).sort()).toEqual([a, b].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ status: "pending", invitedBy: admin.userId, invitedByLabel: "Ada Admin" });
      expect(row.sentAt.toISOString()).toBe(now.toISOString());
      expect(row.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);
    }

    const { mail, token } = await latestInvitation(a);
    expect(token).toMatch(/^inv_[A-Za-z0-9_-]{43}$/);
    const row = rows.find((r) => r.email === a)!;
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(mail.subject).toBe(`Ada Admin invited you to join ${org.name} on Org Portal`);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain(org.name);
      expect(part).toContain("Ada Admin");
      expect(part).toContain(`/invitations/${token}`);
      expect(part).toContain("March 8, 2026");
      expect(part).toContain(a);
    }
    // The other recipient got a different link.
    expect((await latestInvitation(b)).token).not.toBe(token);
    const links = await db().select().from(t.invitationLinks).where(eq(t.invitationLinks.invitationId, row.id));
    expect(links.map((l) => l.tokenHash)).toEqual([row.tokenHash]);

    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "invitation.created")));
    expect(events.map((e) => e.targetLabel).sort()).toEqual([a, b].sort());
    expect(events[0]).toMatchObject({ actorId: admin.userId, targetType: "invitation", ip: "203.0.113.7" });
  });

  it("re-inviting a pending address resends it: one invitation, a new link, a fresh 7 days", async () => {
    const { admin, org } = await adminWithOrg();
    const email = uniqueAddress();
    const first = new Date("2026-03-01T10:00:00Z");
    await inviteMembers(admin, org.slug, { emails: [email] }, { now: first });
    const { token: oldToken } = await latestInvitation(email);

    const later = new Date(first.getTime() + 3 * DAY);
    const report = await inviteMembers(admin, org.slug, { emails: [email.toUpperCase()] }, { now: later });
    expect(report.entries).toEqual([{ email, outcome: "already_invited", role: "member" }]);
    const rows = await invitationsOf(org.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].expiresAt.getTime()).toBe(later.getTime() + 7 * DAY);
    const { token: newToken } = await latestInvitation(email);
    expect(newToken).not.toBe(oldToken);
    expect((await findInvitationByToken(oldToken, { now: later })).state).toBe("superseded");
    expect((await findInvitationByToken(newToken, { now: later })).state).toBe("valid");
  });

  it("skips and reports current members, reports invalid and repeated entries, invites the rest", async () => {
    const { admin, org } = await adminWithOrg();
    const member = await userWithEmail(uniqueAddress("member"));
    await addMember(org.id, member, "member");
    const fresh = uniqueAddress();
    const report = await inviteMembers(admin, org.slug, {
      emails: [member.label.toUpperCase(), "not-an-email", fresh, fresh.toUpperCase(), admin.label],
    });
    expect(report.entries).toEqual([
      { email: member.label, outcome: "already_member" },
      { email: "not-an-email", outcome: "invalid", reason: "Not a valid email address" },
      { email: fresh, outcome: "invited", role: "member", reason: "Listed 2 times; handled once" },
      { email: admin.label, outcome: "already_member" },
    ]);
    expect((await invitationsOf(org.id)).map((r) => r.email)).toEqual([fresh]);
  });

  it("escapes the address in the HTML part of the email", async () => {
    const { admin, org } = await adminWithOrg();
    const email = `o'neil-${Date.now()}@example.com`;
    await inviteMembers(admin, org.slug, { emails: [email] });
    const { mail } = await latestInvitation(email);
    expect(mail.html).toContain(email.replace("'", "&#x27;"));
    expect(mail.html).not.toContain(email);
    expect(mail.text).toContain(email);
  });

  it("refuses an empty list, changing nothing", async () => {
    const { admin, org } = await adminWithOrg();
    const before = await snapshot(org.id);
    expect(await rejectionOf(inviteMembers(admin, org.slug, { emails: [] }))).toMatchObject({ code: "validation" });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("of several requests inviting one address at once, one pending invitation results", async () => {
    const { admin, org } = await adminWithOrg();
    const email = uniqueAddress("race");
    // On PostgreSQL each call runs on its own pooled connection, so the transactions overlap.
    const reports = await Promise.all(Array.from({ length: 5 }, () => inviteMembers(admin, org.slug, { emails: [email] })));
    const outcomes = reports.map((r) => r.entries[0].outcome).sort();
    expect(outcomes).toEqual(["already_invited", "already_invited", "already_invited", "already_invited", "invited"]);
    const rows = await invitationsOf(org.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe("pending");
  });

  it("rate-limits invitations per org with a clear message, sending nothing", async () => {
    const { admin, org } = await adminWithOrg();
    for (let i = 0; i < inviteLimits.requests.points; i++) await inviteMembers(admin, org.slug, { emails: [uniqueAddress()] });
    const before = await snapshot(org.id);
    const err = await rejectionOf(inviteMembers(admin, org.slug, { emails: [uniqueAddress()] }));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/too many invitations.*try again in \d+ minutes?/i) });
    expect((err as AppError).retryAfterSeconds).toBeGreaterThan(0);
    expect(await snapshot(org.id)).toEqual(before);
    // Another org has its own budget.
    const other = await adminWithOrg();
    await expect(inviteMembers(other.admin, other.org.slug, { emails: [uniqueAddress()] })).resolves.toBeTruthy();
  });
});

describe("inviteFromCsv", () => {
  it("reports every row: invited, already invited, already a member, invalid with row numbers", async () => {
    const { admin, org } = await adminWithOrg();
    const member = await userWithEmail(uniqueAddress("member"));
    await addMember(org.id, member, "member");
    const pending = uniqueAddress("pending");
    await inviteMembers(admin, org.slug, { emails: [pending] });
    const [x, y] = [uniqueAddress("x"), uniqueAddress("y")];
    const file = `\uFEFFName;E-Mail\r\nX;${x}\r\n\r\nMember;${member.label}\r\nBad;nope@\r\nPending;${pending.toUpperCase()}\r\n"Y, Jr.";${y}\r\nX again;${x.toUpperCase()}\r\n`;
    const report = await inviteFromCsv(admin, org.slug, csv(file), { fileName: "team.csv" });
    expect(report.entries).toEqual([
      { email: x, outcome: "invited", role: "member", rows: [2, 8], reason: "Listed 2 times in the file (rows 2, 8); handled once" },
      { email: member.label, outcome: "already_member", rows: [4] },
      { email: "nope@", outcome: "invalid", reason: "Not a valid email address", rows: [5] },
      { email: pending, outcome: "already_invited", role: "member", rows: [6] },
      { email: y, outcome: "invited", role: "member", rows: [7] },
    ]);
    expect(report.counts).toEqual({ invited: 2, already_invited: 1, already_member: 1, no_seat_available: 0, invalid: 1 });
    const rows = await invitationsOf(org.id);
    expect(rows.map((r) => r.email).sort()).toEqual([pending, x, y].sort());
    const [summary] = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "invitations.csv_uploaded")));
    expect(summary.metadata).toMatchObject({
      rows: 6,
      fileName: "team.csv",
      invited: 2,
      already_invited: 1,
      already_member: 1,
      invalid: 1,
    });
  });

  it("over 10,000 rows, refuses the whole file and invites nobody", async () => {
    const { admin, org } = await adminWithOrg();
    const before = await snapshot(org.id);
    const file = Array.from({ length: 10_001 }, (_, i) => `person${i}@example.com`).join("\n");
    const err = await rejectionOf(inviteFromCsv(admin, org.slug, csv(file)));
    expect(err).toMatchObject({ code: "validation", reason: "csv_too_many_rows" });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("refuses binary garbage, inviting nobody", async () => {
    const { admin, org } = await adminWithOrg();
    const before = await snapshot(org.id);
    const err = await rejectionOf(inviteFromCsv(admin, org.slug, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe])));
    expect(err).toMatchObject({ code: "validation", reason: "csv_not_text" });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("is all-or-nothing: when the outbox write fails, no invitation exists", async () => {
    const { admin, org } = await adminWithOrg();
    const before = await snapshot(org.id);
    await db().execute(sql`ALTER TABLE email_outbox ADD CONSTRAINT test_refuse_mail CHECK (false) NOT VALID`);
    try {
      const file = Array.from({ length: 500 }, (_, i) => `bulk${i}@example.com`).join("\n");
      await expect(inviteFromCsv(admin, org.slug, csv(file))).rejects.toThrow();
    } finally {
      await db().execute(sql`ALTER TABLE email_outbox DROP CONSTRAINT test_refuse_mail`);
    }
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("invites 2,000 rows with one outbox message and one activity entry each", async () => {
    const { admin, org } = await adminWithOrg();
    const file = ["email", ...Array.from({ length: 2000 }, (_, i) => `many${i}@example.com`)].join("\n");
    const report = await inviteFromCsv(admin, org.slug, csv(file));
    expect(report.counts.invited).toBe(2000);
    const [{ n }] = await db()
      .execute<{ n: number }>(sql`select count(*)::int as n from email_outbox where "to" like 'many%@example.com'`)
      .then((r) => (r as unknown as { rows: Array<{ n: number }> }).rows);
    expect(n).toBe(2000);
    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "invitation.created")));
    expect(events).toHaveLength(2000);
    const { token } = await latestInvitation("many1999@example.com");
    const [row] = (await invitationsOf(org.id)).filter((r) => r.email === "many1999@example.com");
    expect(row.tokenHash).toBe(hashInvitationToken(token));
  });
});

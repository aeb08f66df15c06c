import { describe, expect, it } from "vitest";
import type { Organization } from "@/db/schema";
import { anonymous, type Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { addMember, createTestUser, rejectionOf, type UserActor } from "@/test/factories";
import { useTestDatabase } from "@/test/db";
import { inviteFromCsv, inviteMembers } from "./invite-members";
import { listInvitations } from "./list-invitations";
import { removeInvitations } from "./remove-invitations";
import { resendInvitations } from "./resend-invitations";
import { adminWithOrg, invitationsOf, snapshot, uniqueAddress } from "./test-helpers";

useTestDatabase();

type Callers = { admin: UserActor; org: Organization; refused: Array<[string, Actor, string]> };

/** An org with an admin, and every kind of caller that must be refused with the code expected. */
async function setup(): Promise<Callers> {
  const { admin, org } = await adminWithOrg();
  const member = await createTestUser("Member");
  const billing = await createTestUser("Billing Manager");
  await addMember(org.id, member, "member");
  await addMember(org.id, billing, "billing_manager");
  const stranger = await createTestUser("Signed-in non-member");
  const otherAdmin = (await adminWithOrg("Admin of another org")).admin;
  return {
    admin,
    org,
    refused: [
      ["anonymous", anonymous("192.0.2.1"), "unauthenticated"],
      ["non-member", stranger, "not_found"],
      ["Member", member, "forbidden"],
      ["Billing Manager", billing, "forbidden"],
      ["Admin of another org", otherAdmin, "not_found"],
    ],
  };
}

const csv = (emails: string[]) => new TextEncoder().encode(`email\n${emails.join("\n")}\n`);

/** Each refused caller changes nothing; then the admin, doing the same, succeeds. */
async function checkMatrix(name: string, attempt: (actor: Actor, c: Callers) => Promise<unknown>, positive: (c: Callers) => Promise<void>) {
  const c = await setup();
  // Something to resend or remove.
  await inviteMembers(c.admin, c.org.slug, { emails: [uniqueAddress("existing")] });
  for (const [who, actor, code] of c.refused) {
    const before = await snapshot(c.org.id);
    const err = await rejectionOf(attempt(actor, c));
    expect(err, `${name} by ${who}`).toBeInstanceOf(AppError);
    expect((err as AppError).code, `${name} by ${who}`).toBe(code);
    expect(await snapshot(c.org.id), `${name} by ${who} changed nothing`).toEqual(before);
  }
  await positive(c);
}

const ids = async (org: Organization) => (await invitationsOf(org.id)).map((r) => r.id);

describe("only admins of the org manage its invitations", () => {
  it("invite (typed addresses)", async () => {
    const email = uniqueAddress("typed");
    await checkMatrix(
      "invite",
      (actor, c) => inviteMembers(actor, c.org.slug, { emails: [email] }),
      async (c) => {
        const report = await inviteMembers(c.admin, c.org.slug, { emails: [email] });
        expect(report.entries).toEqual([{ email, outcome: "invited", role: "member" }]);
      },
    );
  });

  it("invite from a CSV file", async () => {
    const emails = [uniqueAddress("csv"), uniqueAddress("csv")];
    await checkMatrix(
      "CSV upload",
      (actor, c) => inviteFromCsv(actor, c.org.slug, csv(emails)),
      async (c) => {
        expect((await inviteFromCsv(c.admin, c.org.slug, csv(emails))).counts.invited).toBe(2);
      },
    );
  });

  it("resend", async () => {
    await checkMatrix(
      "resend",
      async (actor, c) => resendInvitations(actor, c.org.slug, { ids: await ids(c.org) }),
      async (c) => {
        expect(await resendInvitations(c.admin, c.org.slug, { ids: await ids(c.org) })).toMatchObject({ resent: 1 });
      },
    );
  });

  it("remove", async () => {
    await checkMatrix(
      "remove",
      async (actor, c) => removeInvitations(actor, c.org.slug, { ids: await ids(c.org) }),
      async (c) => {
        expect(await removeInvitations(c.admin, c.org.slug, { ids: await ids(c.org) })).toMatchObject({ removed: 1 });
      },
    );
  });

  it("list", async () => {
    await checkMatrix(
      "list",
      (actor, c) => listInvitations(actor, c.org.slug),
      async (c) => {
        expect((await listInvitations(c.admin, c.org.slug)).total).toBe(1);
      },
    );
  });

  it("another org's admin cannot touch this org's invitations through their own org either", async () => {
    const c = await setup();
    await inviteMembers(c.admin, c.org.slug, { emails: [uniqueAddress()] });
    const { admin: otherAdmin, org: otherOrg } = await adminWithOrg();
    const before = await snapshot(c.org.id);
    expect(await resendInvitations(otherAdmin, otherOrg.slug, { ids: await ids(c.org) })).toMatchObject({ resent: 0, skipped: 1 });
    expect(await removeInvitations(otherAdmin, otherOrg.slug, { ids: await ids(c.org) })).toMatchObject({ removed: 0, skipped: 1 });
    expect(await snapshot(c.org.id)).toEqual(before);
  });
});

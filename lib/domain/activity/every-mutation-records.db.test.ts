import fs from "node:fs";
import path from "node:path";
import { desc, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { addOrgUser } from "@/lib/domain/api-users/add-org-user";
import { acceptInvitation } from "@/lib/domain/invitations/accept-invitation";
import { inviteFromCsv, inviteMembers } from "@/lib/domain/invitations/invite-members";
import { removeInvitations } from "@/lib/domain/invitations/remove-invitations";
import { resendInvitations } from "@/lib/domain/invitations/resend-invitations";
import { latestInvitation, uniqueAddress, userWithEmail } from "@/lib/domain/invitations/test-helpers";
import { changeMemberRole } from "@/lib/domain/members/change-member-role";
import { leaveOrganization } from "@/lib/domain/members/leave-organization";
import { removeMember } from "@/lib/domain/members/remove-member";
import { addTestMember, createTestOrg, giveSubscription, serviceAccountOf } from "@/lib/domain/members/test-support";
import { onboardUsers } from "@/lib/domain/onboarding/onboard-users";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { renameOrganization } from "@/lib/domain/organizations/rename-organization";
import { assignSeat, assignSeats } from "@/lib/domain/seats/assign-seats";
import { revokeSeat, revokeSeats } from "@/lib/domain/seats/revoke-seats";
import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import { deleteServiceAccount } from "@/lib/domain/service-accounts/delete-service-account";
import { updateOrgSettings } from "@/lib/domain/settings/update-org-settings";
import { purchaseSubscription } from "@/lib/domain/subscriptions/purchase-subscription";
import { renewSubscription } from "@/lib/domain/subscriptions/renew-subscription";
import { updateSubscription } from "@/lib/domain/subscriptions/update-subscription";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { revokeToken } from "@/lib/domain/tokens/member/revoke-token";
import { revokeTokenById } from "@/lib/domain/tokens/member/revoke-token-by-id";
import { syncToken } from "@/lib/domain/tokens/member/sync-token";
import { setSeat } from "@/lib/domain/tokens/member/test-support";
import { accountCases } from "@/lib/domain/account/test-support";
import { channelCases } from "@/lib/domain/channels/test-support";
import { domainCases } from "@/lib/domain/domains/test-support";
import { instanceCases } from "@/lib/domain/instance/test-support";
import { scimCases } from "@/lib/domain/scim/test-support";
import { ssoCases } from "@/lib/domain/sso/test-support";
import { webhookCases } from "@/lib/domain/webhooks/test-support";
import { useTestDatabase } from "@/test/db";
import { createTestUser } from "@/test/factories";

useTestDatabase();

/**
 * The domain's use cases: exported async functions under lib/domain whose first parameter is
 * `actor`. Reads (list/get/load/find/...) and helpers that run inside another use case's
 * transaction are not mutations of their own.
 */
const READ = /^(list|get|load|find|lock|count|is|check|export)[A-Z]/;
const HELPERS: Record<string, string> = {
  prepareSend: "runs inside inviteMembers/resendInvitations, which record",
  requireInstanceAdmin: "the permission check of the /admin use cases",
};

function enumerateUseCases(): string[] {
  const names: string[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.name.endsWith(".ts") && !/\.test\.ts$|test-support\.ts$|test-helpers\.ts$/.test(e.name)) {
        for (const m of fs.readFileSync(full, "utf8").matchAll(/export async function (\w+)\s*\(\s*(?:actor\s*:|\w+\s*:\s*Actor\b)/g))
          names.push(m[1]);
      }
    }
  };
  visit(path.join(process.cwd(), "lib", "domain"));
  return names.filter((n) => !READ.test(n) && !(n in HELPERS)).sort();
}

// "sso": the org's identity provider signing a person in (recorded as "SSO", no actor id).
type Kind = "user" | "service_account" | "sso" | "scim";
type Case = {
  useCase: string;
  kind: Kind;
  actions: string[];
  setup: () => Promise<{ actor: Actor; act: () => Promise<unknown> }>;
  /** Account-level use cases (a person's own account) record entries without an org. */
  account?: boolean;
  /** Instance-level use cases (/admin) record in the instance log (no org), and in an org's when it is the target. */
  instance?: boolean;
};

/** An org with an active 10-seat subscription, its admin, a member and a service account. */
async function world() {
  const { org, admin } = await createTestOrg("Audit");
  await giveSubscription(org, 10);
  const member = await addTestMember(org, "member");
  return { org, admin, member, sa: serviceAccountOf(org) };
}
const as = (w: Awaited<ReturnType<typeof world>>, kind: Kind): Actor => (kind === "user" ? w.admin : w.sa);
const both = (make: (kind: Kind) => Case): Case[] => [make("user"), make("service_account")];

async function seatedWithToken(kind: Kind) {
  const w = await world();
  await setSeat(w.org, w.member.userId, true);
  await issueToken(w.member, w.org.slug);
  return { ...w, actor: as(w, kind) };
}

async function pendingInvitation(w: Awaited<ReturnType<typeof world>>) {
  const email = uniqueAddress();
  await inviteMembers(w.admin, w.org.slug, { emails: [email] });
  const [inv] = (await db().select().from(t.invitations)).filter((i) => i.email === email);
  return { email, id: inv.id };
}

const cases: Case[] = [
  {
    useCase: "createOrganization",
    kind: "user",
    actions: ["organization.created"],
    setup: async () => {
      const u = await createTestUser("Founder");
      return { actor: u, act: () => createOrganization(u, { name: "New", orgId: `new-${crypto.randomUUID().slice(0, 8)}` }) };
    },
  },
  {
    useCase: "renameOrganization",
    kind: "user",
    actions: ["organization.renamed"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => renameOrganization(w.admin, w.org.slug, { name: "Renamed" }) };
    },
  },
  {
    useCase: "updateOrgSettings",
    kind: "user",
    actions: ["settings.changed"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => updateOrgSettings(w.admin, w.org.slug, { cloudNotebooks: false }) };
    },
  },
  {
    useCase: "changeMemberRole",
    kind: "user",
    actions: ["member.role_changed"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => changeMemberRole(w.admin, w.org.slug, { userId: w.member.userId, role: "billing_manager" }) };
    },
  },
  ...both((kind) => ({
    useCase: "removeMember",
    kind,
    actions: ["member.removed"],
    setup: async () => {
      const w = await world();
      return { actor: as(w, kind), act: () => removeMember(as(w, kind), w.org.slug, { userId: w.member.userId }) };
    },
  })),
  {
    useCase: "leaveOrganization",
    kind: "user",
    actions: ["member.left"],
    setup: async () => {
      const w = await world();
      return { actor: w.member, act: () => leaveOrganization(w.member, w.org.slug) };
    },
  },
  ...both((kind) => ({
    useCase: "assignSeat",
    kind,
    actions: ["seat.assigned"],
    setup: async () => {
      const w = await world();
      return { actor: as(w, kind), act: () => assignSeat(as(w, kind), w.org.slug, { userId: w.member.userId }) };
    },
  })),
  {
    useCase: "assignSeats",
    kind: "user",
    actions: ["seat.assigned"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => assignSeats(w.admin, w.org.slug, { userIds: [w.member.userId] }) };
    },
  },
  ...both((kind) => ({
    useCase: "revokeSeat",
    kind,
    actions: ["seat.revoked"],
    setup: async () => {
      const w = await seatedWithToken(kind);
      return { actor: w.actor, act: () => revokeSeat(w.actor, w.org.slug, { userId: w.member.userId }) };
    },
  })),
  {
    useCase: "revokeSeats",
    kind: "user",
    actions: ["seat.revoked"],
    setup: async () => {
      const w = await seatedWithToken("user");
      return { actor: w.admin, act: () => revokeSeats(w.admin, w.org.slug, { userIds: [w.member.userId] }) };
    },
  },
  {
    useCase: "issueToken",
    kind: "user",
    actions: ["token.issued"],
    setup: async () => {
      const w = await world();
      await setSeat(w.org, w.member.userId, true);
      return { actor: w.member, act: () => issueToken(w.member, w.org.slug) };
    },
  },
  {
    useCase: "issueToken",
    kind: "service_account",
    actions: ["token.issued"],
    setup: async () => {
      const w = await world();
      await setSeat(w.org, w.member.userId, true);
      return { actor: w.sa, act: () => issueToken(w.sa, w.org.slug, { userId: w.member.userId }) };
    },
  },
  ...both((kind) => ({
    useCase: "syncToken",
    kind,
    actions: ["token.synced"],
    setup: async () => {
      const w = await seatedWithToken(kind);
      return { actor: w.actor, act: () => syncToken(w.actor, w.org.slug, { userId: w.member.userId }) };
    },
  })),
  ...both((kind) => ({
    useCase: "revokeToken",
    kind,
    actions: ["token.revoked"],
    setup: async () => {
      const w = await seatedWithToken(kind);
      return { actor: w.actor, act: () => revokeToken(w.actor, w.org.slug, { userId: w.member.userId }) };
    },
  })),
  ...both((kind) => ({
    useCase: "revokeTokenById",
    kind,
    actions: ["token.revoked"],
    setup: async () => {
      const w = await seatedWithToken(kind);
      const tokenId = (await db().select().from(t.memberTokens)).find((r) => r.userId === w.member.userId && !r.revokedAt)!.id;
      return { actor: w.actor, act: () => revokeTokenById(w.actor, w.org.slug, { userId: w.member.userId, tokenId }) };
    },
  })),
  ...both((kind) => ({
    useCase: "inviteMembers",
    kind,
    actions: ["invitation.created"],
    setup: async () => {
      const w = await world();
      return { actor: as(w, kind), act: () => inviteMembers(as(w, kind), w.org.slug, { emails: [uniqueAddress()] }) };
    },
  })),
  // One entry per invitation plus one for the upload itself (file name and counts).
  {
    useCase: "inviteFromCsv",
    kind: "user",
    actions: ["invitation.created", "invitations.csv_uploaded"],
    setup: async () => {
      const w = await world();
      return {
        actor: w.admin,
        act: () => inviteFromCsv(w.admin, w.org.slug, new TextEncoder().encode(`email\n${uniqueAddress()}\n`), { fileName: "one.csv" }),
      };
    },
  },
  ...both((kind) => ({
    useCase: "resendInvitations",
    kind,
    actions: ["invitation.resent"],
    setup: async () => {
      const w = await world();
      const inv = await pendingInvitation(w);
      return { actor: as(w, kind), act: () => resendInvitations(as(w, kind), w.org.slug, { ids: [inv.id] }) };
    },
  })),
  ...both((kind) => ({
    useCase: "removeInvitations",
    kind,
    actions: ["invitation.removed"],
    setup: async () => {
      const w = await world();
      const inv = await pendingInvitation(w);
      return { actor: as(w, kind), act: () => removeInvitations(as(w, kind), w.org.slug, { ids: [inv.id] }) };
    },
  })),
  {
    useCase: "acceptInvitation",
    kind: "user",
    actions: ["invitation.accepted"],
    setup: async () => {
      const w = await world();
      const inv = await pendingInvitation(w);
      const invitee = await userWithEmail(inv.email);
      const { token } = await latestInvitation(inv.email);
      return { actor: invitee, act: () => acceptInvitation(invitee, token) };
    },
  },
  {
    useCase: "purchaseSubscription",
    kind: "user",
    actions: ["subscription.purchased"],
    setup: async () => {
      const { org, admin } = await createTestOrg("Buyer");
      return { actor: admin, act: () => purchaseSubscription(admin, org.slug, { seats: 5, billingCycle: "monthly" }) };
    },
  },
  {
    useCase: "updateSubscription",
    kind: "user",
    actions: ["subscription.seats_changed"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => updateSubscription(w.admin, w.org.slug, { seats: 12, billingCycle: "monthly" }) };
    },
  },
  {
    useCase: "renewSubscription",
    kind: "user",
    actions: ["subscription.renewed"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => renewSubscription(w.admin, w.org.slug) };
    },
  },
  {
    useCase: "createServiceAccount",
    kind: "user",
    actions: ["service_account.created"],
    setup: async () => {
      const w = await world();
      return { actor: w.admin, act: () => createServiceAccount(w.admin, w.org.slug, { name: "ci-bot" }) };
    },
  },
  {
    useCase: "deleteServiceAccount",
    kind: "user",
    actions: ["service_account.deleted"],
    setup: async () => {
      const w = await world();
      const sa = await createServiceAccount(w.admin, w.org.slug, { name: "old-bot" });
      return { actor: w.admin, act: () => deleteServiceAccount(w.admin, w.org.slug, sa.client_id) };
    },
  },
  ...both((kind) => ({
    useCase: "addOrgUser",
    kind,
    actions: ["managed_user.created"],
    setup: async () => {
      const w = await world();
      return { actor: as(w, kind), act: () => addOrgUser(as(w, kind), w.org.slug, { first_name: "Robo" }) };
    },
  })),
  ...both((kind) => ({
    useCase: "onboardUsers",
    kind,
    actions: ["member.onboarded"],
    setup: async () => {
      const w = await world();
      return { actor: as(w, kind), act: () => onboardUsers(as(w, kind), w.org.slug, { user_emails: [uniqueAddress("onboard")] }) };
    },
  })),
  ...accountCases,
  ...channelCases,
  ...domainCases,
  ...instanceCases,
  ...ssoCases,
  ...webhookCases,
  ...scimCases,
];

const actorIdOf = (a: Actor) => (a.kind === "user" ? a.userId : a.kind === "service_account" ? a.serviceAccountId : null);

describe("every mutation of the app records activity", () => {
  it("has a case for every use case in lib/domain (add one when you add a use case)", () => {
    const found = enumerateUseCases();
    expect(found.length).toBeGreaterThan(20);
    const covered = new Set(cases.map((c) => c.useCase));
    expect(
      found.filter((n) => !covered.has(n)),
      "use cases without a case in this table",
    ).toEqual([]);
    expect(
      [...covered].filter((n) => !found.includes(n)),
      "cases for use cases that no longer exist",
    ).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.useCase} by a ${c.kind}`, c] as const))("%s writes exactly its entries with that actor", async (_, c) => {
    const { actor, act } = await c.setup();
    expect(actor.kind).toBe(c.kind);
    const [last] = await db().select({ id: t.activity.id }).from(t.activity).orderBy(desc(t.activity.id)).limit(1);
    await act();
    const written = await db()
      .select()
      .from(t.activity)
      .where(gt(t.activity.id, last?.id ?? 0));
    expect(written.map((e) => e.action).sort()).toEqual([...c.actions].sort());
    for (const e of written) {
      expect(e, e.action).toMatchObject({ actorType: c.kind, actorId: actorIdOf(actor), ip: actor.ip ?? null });
      const inInstanceLog = written.some((w) => w.orgId === null);
      if (c.instance) expect(inInstanceLog, e.action).toBe(true);
      else if (c.account) expect(e.orgId, e.action).toBeNull();
      else expect(e.orgId, e.action).not.toBeNull();
    }
  });
});

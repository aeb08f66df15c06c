// Demo data for `npm run demo`: two orgs, about 50 members in every role, pending and expired
// invitations, subscriptions with free seats, issued tokens, service accounts, and the few
// hundred activity entries all of that leaves behind. Everything goes through the domain
// functions, as a person would have done it. Runs once per data folder.
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { connectFromEnv, setDbHandle } from "@/db/client";
import * as t from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { hashPassword } from "@/lib/auth/password";
import { addOrgUser } from "@/lib/domain/api-users/add-org-user";
import { inviteMembers } from "@/lib/domain/invitations/invite-members";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { changeMemberRole } from "@/lib/domain/members/change-member-role";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { DownloadRecorder } from "@/lib/domain/packages/downloads";
import { uploadPackage } from "@/lib/domain/packages/upload-package";
import { assignSeats } from "@/lib/domain/seats/assign-seats";
import type { ActivityAction } from "@/lib/validation/activity";
import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import { purchaseSubscription } from "@/lib/domain/subscriptions/purchase-subscription";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";

export const DEMO_PASSWORD = "demo-password";
export const demoAccounts = {
  admin: "admin@demo.test",
  billing: "billing@demo.test",
  member: "member@demo.test",
} as const;

const firstNames = [
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Edsger",
  "Barbara",
  "Donald",
  "Frances",
  "John",
  "Margaret",
  "Ken",
  "Radia",
  "Linus",
  "Hedy",
  "Dennis",
  "Annie",
  "Tim",
  "Sophie",
  "Guido",
  "Anita",
  "Bjarne",
  "Shafi",
  "Niklaus",
  "Lynn",
  "Vint",
];
const lastNames = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Allen",
  "McCarthy",
  "Hamilton",
  "Thompson",
  "Perlman",
  "Torvalds",
  "Lamarr",
  "Ritchie",
  "Easley",
  "Berners-Lee",
  "Wilson",
  "van Rossum",
  "Borg",
  "Stroustrup",
  "Goldwasser",
  "Wirth",
  "Conway",
  "Cerf",
];

async function main() {
  const handle = connectFromEnv();
  setDbHandle(handle);
  const db = handle.db;
  const [already] = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, demoAccounts.admin)).limit(1);
  if (already) {
    console.log("demo data already present");
    await handle.close();
    return;
  }
  const started = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = Array.from({ length: 52 }, (_, i) => {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7 + Math.floor(i / firstNames.length)) % lastNames.length]}`;
    const email =
      i === 0
        ? demoAccounts.admin
        : i === 1
          ? demoAccounts.billing
          : i === 2
            ? demoAccounts.member
            : `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${i}@demo.test`;
    // Demo people have followed their verification links.
    const verified = new Date();
    return {
      name: i === 0 ? "Ada Admin" : i === 1 ? "Bill Billing" : i === 2 ? "Mia Member" : name,
      email,
      passwordHash,
      emailVerifiedAt: verified,
    };
  });
  const users = await db.insert(t.users).values(people).returning({ id: t.users.id, email: t.users.email });
  const actorFor = (i: number): Actor => ({ kind: "user", userId: users[i].id, label: users[i].email!, ip: "192.0.2.10" });
  const admin = actorFor(0);

  // Acme Research: 40 members, 30 seats (25 assigned), tokens, invitations, a service account.
  const acme = await createOrganization(admin, { name: "Acme Research", orgId: "acme-research" });
  const globexAdmin = actorFor(40);
  const globex = await createOrganization(globexAdmin, { name: "Globex Labs", orgId: "globex-labs" });
  // The earlier history goes in first, so that ids follow time as they do for real entries.
  await backfillHistory(db, [acme.id, globex.id], users);

  // Existing accounts join by accepting an invitation (the API would only invite them): the demo
  // writes the memberships those acceptances would have made.
  const joined = async (org: { id: string }, by: Actor, indexes: number[]) => {
    await db.insert(t.memberships).values(indexes.map((i) => ({ orgId: org.id, userId: users[i].id, role: "member" as const })));
    await db.insert(t.activity).values(
      indexes.map((i) => ({
        orgId: org.id,
        actorType: "user",
        actorId: users[i].id,
        actorLabel: users[i].email,
        action: "invitation.accepted" satisfies ActivityAction,
        targetType: "user",
        targetId: users[i].id,
        targetLabel: users[i].email,
        metadata: { invitedBy: by.kind === "user" ? by.label : null },
      })),
    );
  };
  await joined(
    acme,
    admin,
    Array.from({ length: 39 }, (_, k) => k + 1),
  );
  await changeMemberRole(admin, acme.slug, { userId: users[1].id, role: "billing_manager" });
  await changeMemberRole(admin, acme.slug, { userId: users[3].id, role: "admin" });
  await changeMemberRole(admin, acme.slug, { userId: users[4].id, role: "billing_manager" });
  await purchaseSubscription(actorFor(1), acme.slug, { seats: 30, billingCycle: "yearly" });
  const seated = [2, ...Array.from({ length: 24 }, (_, i) => i + 5)];
  await assignSeats(admin, acme.slug, { userIds: seated.map((i) => users[i].id) });
  for (const i of seated.slice(0, 18)) await issueToken(actorFor(i), acme.slug, {});
  await inviteMembers(admin, acme.slug, { emails: ["contractor@partner.example", "data.team@demo.test"] });
  // Two invitations come with a seat: the Subscription, Users and Overview pages show them reserved.
  await inviteMembers(admin, acme.slug, { emails: ["new.hire@demo.test", "intern@demo.test"], assignSeat: true });
  await inviteMembers(
    admin,
    acme.slug,
    { emails: ["late.reply@demo.test", "former.contractor@partner.example"] },
    { now: new Date(Date.now() - 10 * 86_400_000) },
  );
  await createServiceAccount(admin, acme.slug, { name: "ci_pipeline" });
  await createServiceAccount(admin, acme.slug, { name: "jupyter-hub" });
  await addOrgUser(admin, acme.slug, { first_name: "Jupyter", last_name: "Server-1" });
  await seedChannels(db, admin, acme.slug);

  // Globex Labs: a second org where the demo member is too, with fewer seats left.
  await joined(globex, globexAdmin, [2, ...Array.from({ length: 11 }, (_, k) => k + 41)]);
  await changeMemberRole(globexAdmin, globex.slug, { userId: users[41].id, role: "billing_manager" });
  await purchaseSubscription(globexAdmin, globex.slug, { seats: 10, billingCycle: "monthly" });
  await assignSeats(globexAdmin, globex.slug, { userIds: [2, 42, 43, 44, 45, 46, 47, 48].map((i) => users[i].id) });
  for (const i of [2, 42, 43]) await issueToken(actorFor(i), globex.slug, {});
  await inviteMembers(globexAdmin, globex.slug, { emails: ["someone@globex.example", "another@globex.example"] });
  await createServiceAccount(globexAdmin, globex.slug, { name: "provisioning" });

  const [{ n }] = await db.select({ n: count() }).from(t.activity);
  console.log(`demo data created in ${Date.now() - started} ms: 2 orgs, ${users.length} people, ${n} activity entries`);
  await handle.close();
}

/**
 * Two channels holding the sample package from channels/sample (a real archive, uploaded as CI
 * would), and six weeks of downloads recorded through the download counter with the times they
 * happened, so the Overview has a chart and a list of packages to show.
 */
async function seedChannels(db: ReturnType<typeof connectFromEnv>["db"], admin: Actor, orgSlug: string) {
  const filename = "hello-portal-1.0.0-0.tar.bz2";
  const file = path.join(process.cwd(), "channels", "sample", "noarch", filename);
  await createChannel(admin, orgSlug, { name: "main", description: "Packages built by CI for everyone with a seat." });
  await createChannel(admin, orgSlug, { name: "experimental", description: "Builds being tried out." });
  for (const channel of ["main", "experimental"]) {
    await uploadPackage(admin, orgSlug, { channel, subdir: "noarch", filename }, fs.createReadStream(file));
  }
  const channels = await db.select({ id: t.channels.id, name: t.channels.name }).from(t.channels);
  const recorder = new DownloadRecorder(() => db);
  const now = Date.now();
  for (let daysAgo = 42; daysAgo >= 0; daysAgo--) {
    // Weekdays busier than weekends, a slow rise, and a release spike two weeks ago.
    const at = now - daysAgo * 86_400_000;
    const weekday = new Date(at).getUTCDay() % 6 !== 0;
    const main = Math.round((weekday ? 30 : 8) + (42 - daysAgo) * 0.6 + (daysAgo === 14 ? 55 : 0) + ((daysAgo * 7) % 11));
    const experimental = weekday ? 3 + (daysAgo % 5) : daysAgo % 2;
    for (const { id, name } of channels) {
      const n = name === "main" ? main : name === "experimental" ? experimental : 0;
      for (let i = 0; i < n; i++) recorder.record(id, "noarch", filename, at - i * 60_000);
    }
  }
  await recorder.flush();
}

/**
 * A couple of months of earlier history, so the Activity page has something to filter: what
 * the orgs' people did before today, spread over past dates and a few addresses.
 */
async function backfillHistory(
  db: ReturnType<typeof connectFromEnv>["db"],
  orgIds: string[],
  users: Array<{ id: string; email: string | null }>,
) {
  const actions: ActivityAction[] = [
    "seat.assigned",
    "seat.revoked",
    "token.issued",
    "token.reissued",
    "member.role_changed",
    "invitation.resent",
    "invitation.removed",
    "subscription.seats_changed",
  ];
  const ips = ["192.0.2.10", "198.51.100.23", "203.0.113.42", "2001:db8::7"];
  const rows = Array.from({ length: 240 }, (_, i) => {
    const actor = users[i % 5 === 0 ? 1 : i % 3 === 0 ? 3 : 0];
    const target = users[5 + ((i * 11) % 40)];
    return {
      orgId: orgIds[i % 4 === 0 ? 1 : 0],
      actorType: "user",
      actorId: actor.id,
      actorLabel: actor.email,
      action: actions[(i * 5) % actions.length],
      targetType: "user",
      targetId: target.id,
      targetLabel: target.email,
      ip: ips[i % ips.length],
      metadata: { demo: true },
      createdAt: new Date(Date.now() - (60 - i / 4) * 86_400_000 - (i % 9) * 3_600_000),
    };
  });
  // Inserted oldest first, so ids follow time as they do for real entries.
  await db.insert(t.activity).values(rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
}

await main();

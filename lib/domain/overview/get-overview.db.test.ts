import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import { ChannelCatalog } from "@/lib/domain/channels/catalog";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { useTemporaryPackagesDir } from "@/lib/domain/channels/test-support";
import { addGroupMembers } from "@/lib/domain/groups/group-members";
import { createGroup } from "@/lib/domain/groups/create-group";
import { inviteMembers } from "@/lib/domain/invitations/invite-members";
import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { listActivity } from "@/lib/domain/activity/list-activity";
import { listMembers } from "@/lib/domain/members/list-members";
import { addTestMember, createTestOrg, giveSubscription } from "@/lib/domain/members/test-support";
import { deletePackage } from "@/lib/domain/packages/delete-package";
import { DownloadRecorder, utcDay } from "@/lib/domain/packages/downloads";
import { buildPackage, fileBody, hasCph, NO_CPH } from "@/lib/domain/packages/test-support";
import { uploadPackage } from "@/lib/domain/packages/upload-package";
import { assignSeats } from "@/lib/domain/seats/assign-seats";
import { getSubscriptionOverview } from "@/lib/domain/subscriptions/get-subscription";
import { TokenChecker } from "@/lib/domain/tokens/check/check-token";
import { UsageRecorder } from "@/lib/domain/tokens/check/usage";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { rawGet } from "@/lib/domain/tokens/member/test-support";
import { createHotPath } from "@/lib/hot-path/handler";
import { useTestDatabase } from "@/test/db";
import type { UserActor } from "@/test/factories";
import { getOverview, lastDays, OVERVIEW_DAYS } from "./get-overview";

const testDb = useTestDatabase();
const DAY = 86_400_000;

let org: Organization;
let admin: UserActor;
let billing: UserActor;
let member: UserActor;
let unseated: UserActor;

beforeAll(async () => {
  ({ org, admin } = await createTestOrg("Overview"));
  await giveSubscription(org, 10);
  billing = await addTestMember(org, "billing_manager");
  member = await addTestMember(org, "member");
  unseated = await addTestMember(org, "member");
  const others = await Promise.all([addTestMember(org), addTestMember(org), addTestMember(org)]);
  await assignSeats(admin, org.slug, { userIds: [member.userId, admin.userId, ...others.map((o) => o.userId)] });
  // Two invitations hold a seat, one does not; one with a seat has expired and holds nothing.
  await inviteMembers(admin, org.slug, { emails: ["seat-a@example.test", "seat-b@example.test"], assignSeat: true });
  await inviteMembers(admin, org.slug, { emails: ["no-seat@example.test"] });
  await inviteMembers(admin, org.slug, { emails: ["expired@example.test"], assignSeat: true }, { now: new Date(Date.now() - 30 * DAY) });
});

describe("getOverview: seats, members and invitations", () => {
  it("shows the numbers the Subscription, Users and Invitations pages show, reserved seats included", async () => {
    const overview = await getOverview(admin, org.slug);
    const subscription = await getSubscriptionOverview(admin, org.slug);
    const users = await listMembers(admin, org.slug);
    const invitations = await listInvitations(admin, org.slug);

    expect(overview.seats).toMatchObject(subscription.seats);
    expect(overview.seats).toEqual(users.seats);
    expect(overview.seats).toMatchObject({ total: 10, assigned: 5, reserved: 2, available: 3 });
    expect(overview.members).toBe(users.total);
    expect(overview.members).toBe(7);
    expect(overview.invitations).toEqual({ pending: invitations.total, expired: 1 });
    expect(invitations.rows.filter((r) => r.status === "expired")).toHaveLength(1);
  });

  it("lists the newest activity entries, as the Activity page starts", async () => {
    const overview = await getOverview(admin, org.slug);
    const page = await listActivity(admin, org.slug);
    expect(overview.activity?.map((a) => a.id)).toEqual(page.entries.slice(0, 10).map((e) => e.id));
    expect(overview.activity?.[0].action).toBe("invitation.created");
  });

  it("hides what a role may not read: billing managers see seats, members neither seats, invitations nor activity", async () => {
    const asBilling = await getOverview(billing, org.slug);
    expect(asBilling.seats).toMatchObject({ assigned: 5, reserved: 2 });
    expect(asBilling.invitations).toBeNull();
    expect(asBilling.activity).toBeNull();
    expect(asBilling.members).toBe(7);

    const asMember = await getOverview(member, org.slug);
    expect(asMember).toMatchObject({ seats: null, invitations: null, activity: null, members: 7 });
  });

  it("an outsider gets not found, as on every page of the org", async () => {
    const { admin: stranger } = await createTestOrg("Elsewhere");
    await expect(getOverview(stranger, org.slug)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe.skipIf(!hasCph)(`getOverview: downloads per day (${hasCph ? "cph" : NO_CPH})`, () => {
  const alpha = hasCph ? buildPackage({ name: "ov-alpha", version: "1.0", build: "0" }) : null;
  const alpha2 = hasCph ? buildPackage({ name: "ov-alpha", version: "2.0", build: "0" }) : null;
  const beta = hasCph ? buildPackage({ name: "ov-beta", version: "1.0", build: "0", format: ".tar.bz2" }) : null;
  const secret = hasCph ? buildPackage({ name: "ov-secret", version: "1.0", build: "0" }) : null;
  let url = "";
  let server: http.Server;
  let checker: TokenChecker;
  let downloads: DownloadRecorder;
  let memberToken = "";
  let adminToken = "";
  let publicId = "";

  beforeAll(async () => {
    useTemporaryPackagesDir();
    checker = await new TokenChecker(testDb.handle).start();
    downloads = new DownloadRecorder(() => testDb.handle.db);
    const hot = createHotPath({
      checker,
      usage: new UsageRecorder(() => testDb.handle.db),
      channelsDir: path.join(process.cwd(), "channels"),
      catalog: new ChannelCatalog(checker),
      downloads,
    });
    server = http.createServer((req, res) => void (hot(req, res) || res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const group = await createGroup(admin, org.slug, { name: "Insiders" });
    await createChannel(admin, org.slug, { name: "main" });
    await createChannel(admin, org.slug, { name: "insiders", access: "groups", group_ids: [group.id] });
    await addGroupMembers(admin, org.slug, group.id, { user_ids: [admin.userId] });
    for (const pkg of [alpha!, alpha2!, beta!]) {
      await uploadPackage(admin, org.slug, { channel: "main", subdir: "noarch", filename: pkg.filename }, fileBody(pkg.file));
    }
    await uploadPackage(admin, org.slug, { channel: "insiders", subdir: "noarch", filename: secret!.filename }, fileBody(secret!.file));
    publicId = (await db().select().from(t.channels).where(eq(t.channels.name, "main")))[0].id;
    memberToken = (await issueToken(member, org.slug)).token;
    adminToken = (await issueToken(admin, org.slug)).token;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await downloads?.stop().catch(() => {});
    await checker?.close();
  });

  const download = async (token: string, channel: string, filename: string) => {
    const res = await rawGet(url, `/t/${token}/${channel}/noarch/${filename}`);
    expect(res.status).toBe(200);
  };

  it("an empty org shows empty days and no packages", async () => {
    const { org: empty, admin: emptyAdmin } = await createTestOrg("Empty");
    const overview = await getOverview(emptyAdmin, empty.slug);
    expect(overview.packages?.days).toHaveLength(OVERVIEW_DAYS);
    expect(overview.packages?.days.every((d) => d.downloads === 0)).toBe(true);
    expect(overview.packages).toMatchObject({ channels: 0, packages: 0, top: [] });
  });

  it("counts real downloads per UTC day, across versions of a package, and reads them back per channel the caller may read", async () => {
    const now = new Date();
    // Today: three downloads of ov-alpha (two versions) and one of ov-beta, through the hot path.
    await download(memberToken, "main", alpha!.filename);
    await download(memberToken, "main", alpha2!.filename);
    await download(memberToken, "main", alpha2!.filename);
    await download(memberToken, "main", beta!.filename);
    await download(adminToken, "insiders", secret!.filename);
    // Earlier days: recorded with the time they happened, as a flush after midnight would.
    downloads.record(publicId, "noarch", beta!.filename, now.getTime() - 3 * DAY);
    downloads.record(publicId, "noarch", beta!.filename, now.getTime() - 3 * DAY);
    downloads.record(publicId, "noarch", alpha!.filename, now.getTime() - 40 * DAY);
    await downloads.flush();

    const rows = await db().select().from(t.packageDownloadDays).where(eq(t.packageDownloadDays.orgId, org.id));
    const count = (name: string, day: string) => rows.find((r) => r.name === name && r.day === day)?.downloads;
    expect(count("ov-alpha", utcDay(now))).toBe(3);
    expect(count("ov-beta", utcDay(now))).toBe(1);
    expect(count("ov-beta", utcDay(now.getTime() - 3 * DAY))).toBe(2);
    expect(count("ov-alpha", utcDay(now.getTime() - 40 * DAY))).toBe(1);
    expect(count("ov-secret", utcDay(now))).toBe(1);
    // The files' own totals moved as before.
    const files = await db().select().from(t.packages).where(eq(t.packages.channelId, publicId));
    expect(files.map((f) => [f.filename, f.downloads]).sort()).toEqual(
      [
        [alpha!.filename, 2],
        [alpha2!.filename, 2],
        [beta!.filename, 3],
      ].sort(),
    );

    const asAdmin = await getOverview(admin, org.slug, now);
    const days = asAdmin.packages!.days;
    expect(days.map((d) => d.day)).toEqual(lastDays(now, OVERVIEW_DAYS));
    expect(days.at(-1)).toEqual({ day: utcDay(now), downloads: 5 });
    expect(days.find((d) => d.day === utcDay(now.getTime() - 3 * DAY))?.downloads).toBe(2);
    // The download 40 days ago is outside the window.
    expect(days.reduce((sum, d) => sum + d.downloads, 0)).toBe(7);
    expect(asAdmin.packages).toMatchObject({ channels: 2, packages: 4 });
    expect(asAdmin.packages!.top).toEqual([
      { channel: "main", name: "ov-alpha", recent: 3, allTime: 4 },
      { channel: "main", name: "ov-beta", recent: 3, allTime: 3 },
      { channel: "insiders", name: "ov-secret", recent: 1, allTime: 1 },
    ]);

    // A seated member outside the group reads "main" only; a member without a seat reads none.
    const asMember = await getOverview(member, org.slug, now);
    expect(asMember.packages).toMatchObject({ channels: 1, packages: 3 });
    expect(asMember.packages!.days.at(-1)?.downloads).toBe(4);
    expect(asMember.packages!.top.map((p) => p.name)).toEqual(["ov-alpha", "ov-beta"]);
    const asUnseated = await getOverview(unseated, org.slug, now);
    expect(asUnseated.packages).toMatchObject({ channels: 0, packages: 0, top: [] });
    expect(asUnseated.packages!.days.every((d) => d.downloads === 0)).toBe(true);
  });

  it("a deleted version keeps its package's days; a flush for a deleted file counts nothing", async () => {
    const now = new Date();
    downloads.record(publicId, "noarch", alpha!.filename, now.getTime());
    await deletePackage(admin, org.slug, { channel: "main", subdir: "noarch", filename: alpha!.filename });
    await downloads.flush();
    const overview = await getOverview(admin, org.slug, now);
    expect(overview.packages!.days.at(-1)?.downloads).toBe(5);
    expect(overview.packages!.top).toContainEqual({ channel: "main", name: "ov-alpha", recent: 3, allTime: 2 });
  });
});

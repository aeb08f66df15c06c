import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { assignSeats } from "../seats/assign-seats";
import { listMembers } from "./list-members";
import { addTestMember, createTestOrg, giveSubscription, giveToken } from "./test-support";

useTestDatabase();

describe("listMembers", () => {
  it("searches, filters, sorts, pages, and shows seat and token status", async () => {
    const { org, admin } = await createTestOrg("List");
    await giveSubscription(org, 10);
    const zoe = await addTestMember(org, "member", "Zoe 100%");
    const yan = await addTestMember(org, "billing_manager", "Yan");
    const xia = await addTestMember(org, "member", "Xia");
    await assignSeats(admin, org.slug, { userIds: [zoe.userId, xia.userId] });
    await giveToken(org, zoe.userId);
    const expired = await giveToken(org, xia.userId);
    await db()
      .update(t.memberTokens)
      .set({ expiresAt: new Date("2020-01-01T00:00:00Z") })
      .where(eq(t.memberTokens.id, expired.id));

    const all = await listMembers(yan, org.slug, { sort: "name", dir: "desc" });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.name)).toEqual(["Zoe 100%", "Yan", "Xia", "List Admin"]);
    expect(all.seats).toBeNull(); // billing managers read members, they do not manage them
    const byName = Object.fromEntries(all.rows.map((r) => [r.name, r]));
    expect(byName["Zoe 100%"]).toMatchObject({ seat: true, token: { state: "active" } });
    expect(byName["Xia"]).toMatchObject({ seat: true, token: { state: "expired", expiresAt: "2020-01-01T00:00:00.000Z" } });
    expect(byName["Yan"]).toMatchObject({ seat: false, role: "billing_manager", token: { state: "none" } });

    expect((await listMembers(admin, org.slug, { q: "100%" })).rows.map((r) => r.name)).toEqual(["Zoe 100%"]);
    expect((await listMembers(admin, org.slug, { q: "%" })).rows.map((r) => r.name)).toEqual(["Zoe 100%"]);
    expect((await listMembers(admin, org.slug, { q: yan.label.toUpperCase() })).rows.map((r) => r.name)).toEqual(["Yan"]);
    expect((await listMembers(admin, org.slug, { role: "member" })).rows.map((r) => r.name)).toEqual(["Xia", "Zoe 100%"]);
    expect((await listMembers(admin, org.slug, { seat: "no" })).rows.map((r) => r.name)).toEqual(["List Admin", "Yan"]);
    expect((await listMembers(admin, org.slug, { seat: "yes", sort: "joined", dir: "desc" })).rows.map((r) => r.name)).toEqual([
      "Xia",
      "Zoe 100%",
    ]);

    const page2 = await listMembers(admin, org.slug, { pageSize: 3, page: 2 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3, seats: { total: 10, assigned: 2, available: 8 } });
    expect(page2.rows.map((r) => r.name)).toEqual(["Zoe 100%"]);

    // Malformed query values fall back to defaults instead of failing.
    const odd = await listMembers(admin, org.slug, { sort: "password" as never, page: -3, pageSize: 10_000, role: "owner" as never });
    expect(odd).toMatchObject({ page: 1, pageSize: 25, total: 4 });
  });

  it("is not found for non-members", async () => {
    const { org } = await createTestOrg("Hidden");
    const other = await createTestOrg("Peek");
    expect(await rejectionOf(listMembers(other.admin, org.slug))).toMatchObject({ code: "not_found" });
  });
});

import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { eq, and } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { assignSeats } from "../seats/assign-seats";
import { changeMemberRole } from "./change-member-role";
import { leaveOrganization, adminCannotLeaveMessage } from "./leave-organization";
import { removeMember } from "./remove-member";
import {
  addTestMember,
  adminCount,
  createTestOrg,
  giveSubscription,
  giveToken,
  liveTokens,
  membership,
  orgState,
  serviceAccountOf,
} from "./test-support";

useTestDatabase();

describe("role rules", () => {
  it("an admin promotes and demotes others through every role; each change is recorded", async () => {
    const { org, admin } = await createTestOrg("Roles");
    const bob = await addTestMember(org, "member");
    for (const role of ["billing_manager", "admin", "member"] as const) {
      const r = await changeMemberRole(admin, org.slug, { userId: bob.userId, role });
      expect(r.changed).toBe(true);
      expect((await membership(org, bob.userId))?.role).toBe(role);
    }
    const events = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "member.role_changed")));
    expect(events.map((e) => e.metadata)).toEqual([
      { from: "member", to: "billing_manager" },
      { from: "billing_manager", to: "admin" },
      { from: "admin", to: "member" },
    ]);
  });

  it("nobody changes their own role, not even an admin with other admins beside them", async () => {
    const { org, admin } = await createTestOrg("Self");
    await addTestMember(org, "admin");
    const before = await orgState(org);
    const err = await rejectionOf(changeMemberRole(admin, org.slug, { userId: admin.userId, role: "member" }));
    expect(err).toMatchObject({ code: "forbidden", reason: "own_role", message: expect.stringMatching(/own role/) });
    expect(await orgState(org)).toEqual(before);
  });

  it("the last admin cannot be demoted or removed: a service account may not touch an Account Admin at all", async () => {
    const { org, admin } = await createTestOrg("Last");
    const bot = serviceAccountOf(org);
    const before = await orgState(org);
    // Service accounts manage members but never an Account Admin, so the bot is refused before the
    // last-admin rule is reached; an admin cannot demote or remove themselves (next test), and two
    // admins racing to demote each other are the concurrency tests below.
    expect(await rejectionOf(changeMemberRole(bot, org.slug, { userId: admin.userId, role: "member" }))).toMatchObject({
      code: "forbidden",
    });
    expect(await rejectionOf(removeMember(bot, org.slug, { userId: admin.userId }))).toMatchObject({ code: "forbidden" });
    expect(await orgState(org)).toEqual(before);
  });

  it("admins cannot remove themselves, nor leave; members and billing managers can leave", async () => {
    const { org, admin } = await createTestOrg("Leave");
    await addTestMember(org, "admin");
    const before = await orgState(org);
    expect(await rejectionOf(removeMember(admin, org.slug, { userId: admin.userId }))).toMatchObject({ reason: "remove_self" });
    expect(await rejectionOf(leaveOrganization(admin, org.slug))).toMatchObject({ message: adminCannotLeaveMessage });
    expect(await orgState(org)).toEqual(before);

    const billing = await addTestMember(org, "billing_manager");
    await leaveOrganization(billing, org.slug);
    expect(await membership(org, billing.userId)).toBeNull();
  });

  it("a role change or removal of someone outside the org is not found", async () => {
    const { org, admin } = await createTestOrg("Outside");
    const other = await createTestOrg("Other");
    for (const run of [
      () => changeMemberRole(admin, org.slug, { userId: other.admin.userId, role: "member" }),
      () => removeMember(admin, org.slug, { userId: other.admin.userId }),
    ]) {
      expect(await rejectionOf(run())).toMatchObject({ code: "not_found" });
    }
    expect(await adminCount(other.org)).toBe(1);
  });

  it("bad input is a validation error that changes nothing", async () => {
    const { org, admin } = await createTestOrg("Input");
    const before = await orgState(org);
    for (const input of [{ userId: "nope", role: "member" }, { userId: admin.userId, role: "owner" }, {}]) {
      const err = await rejectionOf(changeMemberRole(admin, org.slug, input as never));
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("validation");
    }
    expect(await orgState(org)).toEqual(before);
  });
});

describe("leaving and removal take the seat and token at once", () => {
  it.each(["leave", "remove"] as const)("%s", async (how) => {
    const { org, admin } = await createTestOrg("Gone");
    await giveSubscription(org, 3);
    const carol = await addTestMember(org, "member");
    await assignSeats(admin, org.slug, { userIds: [carol.userId] });
    await giveToken(org, carol.userId);
    if (how === "leave") await leaveOrganization(carol, org.slug);
    else await removeMember(admin, org.slug, { userId: carol.userId });
    expect(await membership(org, carol.userId)).toBeNull();
    expect(await liveTokens(org, carol.userId)).toEqual([]);
    const [event] = await db()
      .select()
      .from(t.activity)
      .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, how === "leave" ? "member.left" : "member.removed")));
    expect(event.metadata).toMatchObject({ seatRevoked: true });
  });
});

describe("at least one admin remains under concurrency", () => {
  // PostgreSQL: the calls run on separate pooled connections and truly overlap; PGlite: serialized.
  const rounds = 10;

  it("two admins demoting each other at the same time", async () => {
    for (let i = 0; i < rounds; i++) {
      const { org, admin: a } = await createTestOrg("Duel");
      const b = await addTestMember(org, "admin");
      const results = await Promise.allSettled([
        changeMemberRole(a, org.slug, { userId: b.userId, role: "member" }),
        changeMemberRole(b, org.slug, { userId: a.userId, role: "member" }),
      ]);
      expect(await adminCount(org)).toBe(1);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: "forbidden" });
    }
  });

  it("two admins removing each other at the same time", async () => {
    for (let i = 0; i < rounds; i++) {
      const { org, admin: a } = await createTestOrg("Duel");
      const b = await addTestMember(org, "admin");
      const results = await Promise.allSettled([
        removeMember(a, org.slug, { userId: b.userId }),
        removeMember(b, org.slug, { userId: a.userId }),
      ]);
      expect(await adminCount(org)).toBe(1);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    }
  });

  it("three admins all demoting or removing the others at once", async () => {
    for (let i = 0; i < rounds; i++) {
      const { org, admin: a } = await createTestOrg("Melee");
      const b = await addTestMember(org, "admin");
      const c = await addTestMember(org, "admin");
      await Promise.allSettled([
        changeMemberRole(a, org.slug, { userId: b.userId, role: "member" }),
        removeMember(b, org.slug, { userId: c.userId }),
        changeMemberRole(c, org.slug, { userId: a.userId, role: "billing_manager" }),
        removeMember(a, org.slug, { userId: c.userId }),
        changeMemberRole(b, org.slug, { userId: a.userId, role: "member" }),
      ]);
      expect(await adminCount(org)).toBeGreaterThanOrEqual(1);
    }
  });
});

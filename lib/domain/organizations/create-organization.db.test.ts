import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { anonymous } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { createTestUser, rejectionOf, type UserActor } from "@/test/factories";
import { createOrganization, isOrgIdAvailable } from "./create-organization";
import { listMyOrganizations } from "./list-my-organizations";

useTestDatabase();

let alice: UserActor;
beforeAll(async () => {
  alice = await createTestUser("Alice");
  await createOrganization(alice, { name: "Acme", orgId: "acme" });
});

async function rowCounts() {
  const [[orgs], [members], [events]] = await Promise.all([
    db().select({ n: count() }).from(t.organizations),
    db().select({ n: count() }).from(t.memberships),
    db().select({ n: count() }).from(t.activity),
  ]);
  return { orgs: orgs.n, members: members.n, events: events.n };
}

/** Creating with this ID fails on the orgId field and leaves the database as it was. */
async function expectRefused(orgId: string, message: RegExp, code = "validation") {
  const before = await rowCounts();
  const err = await rejectionOf(createOrganization(alice, { name: "Some Org", orgId }));
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).fields?.orgId).toMatch(message);
  expect(await rowCounts()).toEqual(before);
}

async function expectCreated(orgId: string, slug = orgId) {
  const org = await createOrganization(alice, { name: "Some Org", orgId });
  expect(org.slug).toBe(slug);
}

describe("Organization ID rules", () => {
  it("length: at least 3 characters", async () => {
    await expectRefused("ab", /at least 3/);
    await expectCreated("abc");
  });

  it("length: at most 39 characters", async () => {
    await expectRefused("a".repeat(40), /at most 39/);
    await expectCreated("b".repeat(39));
  });

  it("characters: only a-z, digits and hyphens", async () => {
    await expectRefused("acme_inc", /letters a-z/);
    await expectRefused("acme.io", /letters a-z/);
    await expectRefused("ac me", /letters a-z/);
    await expectRefused("café", /letters a-z/);
    await expectCreated("acme-2");
  });

  it("ends: a letter or digit at both ends", async () => {
    await expectRefused("-acme", /Start and end/);
    await expectRefused("acme-", /Start and end/);
    await expectCreated("7-up");
    await expectCreated("up-7");
  });

  it("reserved words are refused", async () => {
    for (const word of ["new", "api", "settings"]) await expectRefused(word, /reserved/);
    await expectCreated("newco");
  });

  it("unique case-insensitively", async () => {
    await expectRefused("Acme", /already taken/, "conflict");
    await expectRefused(" ACME ", /already taken/, "conflict");
    await expectCreated("Acme-Labs", "acme-labs");
  });

  it("isOrgIdAvailable answers the live check case-insensitively", async () => {
    expect(await isOrgIdAvailable("ACME")).toBe(false);
    expect(await isOrgIdAvailable("acme-free")).toBe(true);
  });
});

describe("createOrganization", () => {
  it("makes the creator its admin and records the activity", async () => {
    const bob = await createTestUser("Bob");
    const org = await createOrganization(bob, { name: "  Bob's Bakery ", orgId: "bobs-bakery" });
    expect(org).toMatchObject({ slug: "bobs-bakery", name: "Bob's Bakery", createdBy: bob.userId });

    expect(await listMyOrganizations(bob)).toEqual([
      expect.objectContaining({ id: org.id, orgId: "bobs-bakery", name: "Bob's Bakery", role: "admin" }),
    ]);
    const events = await db().select().from(t.activity).where(eq(t.activity.orgId, org.id));
    expect(events).toEqual([
      expect.objectContaining({
        action: "organization.created",
        actorType: "user",
        actorId: bob.userId,
        targetType: "organization",
        targetId: org.id,
        ip: "203.0.113.7",
      }),
    ]);
  });

  it("refuses anonymous callers", async () => {
    const err = await rejectionOf(createOrganization(anonymous(), { name: "X", orgId: "anon-org" }));
    expect(err).toMatchObject({ code: "unauthenticated" });
    expect(await isOrgIdAvailable("anon-org")).toBe(true);
  });

  it("of several users racing for one ID, exactly one wins", async () => {
    // On PostgreSQL each call runs on its own pooled connection, so the inserts truly overlap.
    const racers = await Promise.all(Array.from({ length: 5 }, (_, i) => createTestUser(`Racer ${i}`)));
    const results = await Promise.allSettled(racers.map((racer) => createOrganization(racer, { name: "Contested", orgId: "contested" })));

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect(r.reason).toMatchObject({ code: "conflict", fields: { orgId: expect.stringMatching(/taken/) } });
    }

    const orgs = await db().select().from(t.organizations).where(eq(t.organizations.slug, "contested"));
    expect(orgs).toHaveLength(1);
    const members = await db().select().from(t.memberships).where(eq(t.memberships.orgId, orgs[0].id));
    const winner = racers[results.findIndex((r) => r.status === "fulfilled")];
    expect(members.map((m) => [m.userId, m.role])).toEqual([[winner.userId, "admin"]]);
    const events = await db().select().from(t.activity).where(eq(t.activity.orgId, orgs[0].id));
    expect(events).toHaveLength(1);
  });
});

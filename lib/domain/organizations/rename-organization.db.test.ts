import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import { anonymous } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { addMember, createTestUser, rejectionOf, type UserActor } from "@/test/factories";
import { createOrganization } from "./create-organization";
import { renameOrganization } from "./rename-organization";

useTestDatabase();

let admin: UserActor;
let org: Organization;
beforeAll(async () => {
  admin = await createTestUser("Admin");
  org = await createOrganization(admin, { name: "Globex", orgId: "globex" });
});

const stored = async () => (await db().select().from(t.organizations).where(eq(t.organizations.id, org.id)))[0];
const renames = () =>
  db()
    .select()
    .from(t.activity)
    .where(and(eq(t.activity.orgId, org.id), eq(t.activity.action, "organization.renamed")));

describe("renameOrganization", () => {
  it("lets an admin rename; the Organization ID stays the same; the change is recorded", async () => {
    const renamed = await renameOrganization(admin, "globex", { name: "  Globex Corporation " });
    expect(renamed).toMatchObject({ id: org.id, slug: "globex", name: "Globex Corporation" });
    expect(await stored()).toMatchObject({ slug: "globex", name: "Globex Corporation" });
    expect(await renames()).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        targetId: org.id,
        metadata: { from: "Globex", to: "Globex Corporation" },
      }),
    ]);
  });

  it("finds the org by its ID case-insensitively", async () => {
    await renameOrganization(admin, "GLOBEX", { name: "Globex Inc" });
    expect((await stored()).name).toBe("Globex Inc");
  });

  it("accepts 1 and 100 characters", async () => {
    await renameOrganization(admin, "globex", { name: "G" });
    await renameOrganization(admin, "globex", { name: "g".repeat(100) });
    expect((await stored()).name).toBe("g".repeat(100));
  });

  it("refuses an empty name and 101 characters, changing nothing", async () => {
    const before = await stored();
    const eventsBefore = (await renames()).length;
    for (const name of ["", "   ", "x".repeat(101)]) {
      const err = await rejectionOf(renameOrganization(admin, "globex", { name }));
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "validation", fields: { name: expect.any(String) } });
    }
    expect(await stored()).toEqual(before);
    expect(await renames()).toHaveLength(eventsBefore);
  });

  it("refuses members and billing managers (forbidden), non-members and strangers (not found)", async () => {
    const before = await stored();
    const member = await createTestUser("Member");
    const billing = await createTestUser("Billing");
    await addMember(org.id, member, "member");
    await addMember(org.id, billing, "billing_manager");
    const stranger = await createTestUser("Stranger");
    const otherAdmin = await createTestUser("Other admin");
    await createOrganization(otherAdmin, { name: "Initech", orgId: "initech" });

    for (const [actor, code] of [
      [member, "forbidden"],
      [billing, "forbidden"],
      [stranger, "not_found"],
      [otherAdmin, "not_found"],
      [anonymous(), "unauthenticated"],
    ] as const) {
      const err = await rejectionOf(renameOrganization(actor, "globex", { name: "Hijacked" }));
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code, `${actor.kind} ${"label" in actor ? actor.label : ""}`).toBe(code);
    }
    expect(await stored()).toEqual(before);
  });

  it("answers not found for an org that does not exist", async () => {
    const err = await rejectionOf(renameOrganization(admin, "no-such-org", { name: "X" }));
    expect(err).toMatchObject({ code: "not_found" });
  });

  it("records nothing when the name does not change", async () => {
    await renameOrganization(admin, "globex", { name: "Same Name" });
    const events = (await renames()).length;
    await renameOrganization(admin, "globex", { name: "Same Name" });
    expect(await renames()).toHaveLength(events);
  });
});

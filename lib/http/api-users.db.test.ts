import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DELETE as removeUser } from "@/app/api/organizations/[orgId]/users/[userId]/route";
import { DELETE as revokeSeat, POST as assignSeat } from "@/app/api/organizations/[orgId]/users/[userId]/seats/route";
import { GET as listUsers, POST as addUser } from "@/app/api/organizations/[orgId]/users/route";
import { db, t } from "@/db";
import { findPasswordSetupUser, setInitialPassword } from "@/lib/domain/users/set-initial-password";
import { addLoginMember, callRoute, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";

useTestDatabase();

const membership = async (orgId: string, userId: string) =>
  (
    await db()
      .select()
      .from(t.memberships)
      .where(and(eq(t.memberships.orgId, orgId), eq(t.memberships.userId, userId)))
  )[0];

describe("users through the API", () => {
  it("creates an organization-managed user without an email, and adds people by email", async () => {
    const { org, saToken } = await createApiOrg();
    const params = { orgId: org.slug };
    const managed = await callRoute(addUser, {
      method: "POST",
      token: saToken,
      params,
      body: { first_name: "Jupyter", last_name: "Server-1" },
    });
    expect(managed.status).toBe(201);
    expect(managed.body).toMatchObject({ first_name: "Jupyter", last_name: "Server-1", email: null });
    const [row] = await db().select().from(t.users).where(eq(t.users.id, managed.body.id));
    expect(row).toMatchObject({ email: null, passwordHash: null, managedByOrgId: org.id });

    const bare = await callRoute(addUser, { method: "POST", token: saToken, params, body: {} });
    expect(bare.body).toMatchObject({ first_name: null, last_name: null, email: null });

    const person = await callRoute(addUser, {
      method: "POST",
      token: saToken,
      params,
      body: { email: " Annie@Example.COM ", first_name: "Annie" },
    });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ email: "annie@example.com", first_name: "Annie", last_name: null });
    expect(await membership(org.id, person.body.id)).toMatchObject({ role: "member", seatAssignedAt: null });

    const again = await callRoute(addUser, { method: "POST", token: saToken, params, body: { email: "annie@example.com" } });
    expect([again.status, again.body.code]).toEqual([409, "already_member"]);
    const invalid = await callRoute(addUser, { method: "POST", token: saToken, params, body: { email: "not-an-email", first_name: 7 } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(["email", "first_name"]);
  });

  it("a person added by email sets a first password from the emailed link, once", async () => {
    const { org, adminToken } = await createApiOrg();
    const added = await callRoute(addUser, {
      method: "POST",
      token: adminToken,
      params: { orgId: org.slug },
      body: { email: "newcomer@example.com" },
    });
    const [mail] = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.to, "newcomer@example.com"));
    const token = mail.text.match(/\/set-password\/(\S+)/)![1];
    expect((await findPasswordSetupUser(token)).id).toBe(added.body.id);
    await setInitialPassword(token, { password: "a fine password" });
    await expect(findPasswordSetupUser(token)).rejects.toMatchObject({ code: "not_found" });
    await expect(setInitialPassword(token, { password: "another password" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("runs the offboarding sequence: revoke seat, remove user; bad ids are 404", async () => {
    const { org, saToken } = await createApiOrg({ seats: 2 });
    const params = { orgId: org.slug };
    const { user } = await addLoginMember(org.id, "member");
    const userParams = { ...params, userId: user.userId };
    expect((await callRoute(assignSeat, { method: "POST", token: saToken, params: userParams })).status).toBe(201);
    expect((await membership(org.id, user.userId)).seatAssignedAt).not.toBeNull();

    const listed = await callRoute(listUsers, { token: saToken, params });
    expect(listed.body.data.find((u: { id: string }) => u.id === user.userId)).toMatchObject({ seat: true, role: "member" });

    expect((await callRoute(revokeSeat, { method: "DELETE", token: saToken, params: userParams })).status).toBe(204);
    expect((await membership(org.id, user.userId)).seatAssignedAt).toBeNull();
    expect((await callRoute(removeUser, { method: "DELETE", token: saToken, params: userParams })).status).toBe(204);
    expect(await membership(org.id, user.userId)).toBeUndefined();

    for (const userId of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "' or 1=1 --"]) {
      const res = await callRoute(assignSeat, { method: "POST", token: saToken, params: { ...params, userId } });
      expect(res.status).toBe(404);
    }
  });

  it("refuses a seat beyond the subscription with 409", async () => {
    const { org, saToken } = await createApiOrg({ seats: 1 });
    const a = await addLoginMember(org.id, "member");
    const b = await addLoginMember(org.id, "member");
    expect(
      (await callRoute(assignSeat, { method: "POST", token: saToken, params: { orgId: org.slug, userId: a.user.userId } })).status,
    ).toBe(201);
    const refused = await callRoute(assignSeat, { method: "POST", token: saToken, params: { orgId: org.slug, userId: b.user.userId } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
  });
});

import { describe, expect, it } from "vitest";
import { DELETE as removeUser } from "@/app/api/organizations/[orgId]/users/[userId]/route";
import { can } from "@/lib/authz/policy";
import { addLoginMember, callRoute, createApiOrg } from "@/test/api";
import { useTestDatabase } from "@/test/db";
import { changeMemberRole } from "./change-member-role";
import { findMember } from "./lock-org";
import { db } from "@/db";
import { actorFromAccessToken } from "@/lib/domain/tokens/api-access/bearer";

useTestDatabase();

describe("service accounts and Account Admins", () => {
  it("the policy table says so", () => {
    expect(can({ kind: "service_account" }, "members.manage")).toBe(true);
    expect(can({ kind: "service_account" }, "members.manageAdmins")).toBe(false);
    expect(can({ kind: "member", role: "admin" }, "members.manageAdmins")).toBe(true);
    expect(can({ kind: "member", role: "billing_manager" }, "members.manageAdmins")).toBe(false);
  });

  it("a service account removes a member but never an Account Admin", async () => {
    const { org, saToken, adminToken } = await createApiOrg();
    const { user: otherAdmin } = await addLoginMember(org.id, "admin");
    const { user: plain } = await addLoginMember(org.id, "member");
    const refused = await callRoute(removeUser, {
      method: "DELETE",
      token: saToken,
      params: { orgId: org.slug, userId: otherAdmin.userId },
    });
    expect(refused.status).toBe(403);
    expect(await findMember(db(), org.id, otherAdmin.userId)).toBeTruthy();
    const removed = await callRoute(removeUser, { method: "DELETE", token: saToken, params: { orgId: org.slug, userId: plain.userId } });
    expect(removed.status).toBe(204);
    // A human Account Admin still can.
    const byHuman = await callRoute(removeUser, {
      method: "DELETE",
      token: adminToken,
      params: { orgId: org.slug, userId: otherAdmin.userId },
    });
    expect(byHuman.status).toBe(204);
  });

  it("a service account neither demotes an Account Admin nor makes one", async () => {
    const { org, saToken } = await createApiOrg();
    const { user: otherAdmin } = await addLoginMember(org.id, "admin");
    const { user: plain } = await addLoginMember(org.id, "member");
    const actor = await actorFromAccessToken(saToken, null);
    expect(actor?.kind).toBe("service_account");
    await expect(changeMemberRole(actor!, org.slug, { userId: otherAdmin.userId, role: "member" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(changeMemberRole(actor!, org.slug, { userId: plain.userId, role: "admin" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(changeMemberRole(actor!, org.slug, { userId: plain.userId, role: "billing_manager" })).resolves.toMatchObject({
      changed: true,
    });
  });
});

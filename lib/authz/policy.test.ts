import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertCan, can, policy, roles, type Permission } from "./policy";

const permissions = Object.keys(policy) as Permission[];
const member = (role: (typeof roles)[number]) => ({ kind: "member" as const, role });
const serviceAccount = { kind: "service_account" as const };

describe("policy table", () => {
  it("names only known roles", () => {
    for (const p of permissions) for (const role of policy[p].roles) expect(roles).toContain(role);
  });

  it("lets an admin do everything a member or billing manager may, except leave", () => {
    // Admins cannot leave (an org must never lose its admins by accident); another admin must first change their role.
    for (const p of permissions) {
      if (p === "org.leave") continue;
      if (can(member("member"), p) || can(member("billing_manager"), p)) {
        expect(can(member("admin"), p), p).toBe(true);
      }
    }
    expect(can(member("admin"), "org.leave")).toBe(false);
    expect(can(member("member"), "org.leave")).toBe(true);
  });

  it("keeps administration to admins", () => {
    for (const p of [
      "org.update",
      "members.manage",
      "invitations.manage",
      "serviceAccounts.manage",
      "settings.update",
      "activity.read",
    ] as const) {
      expect(can(member("admin"), p), p).toBe(true);
      expect(can(member("member"), p), p).toBe(false);
      expect(can(member("billing_manager"), p), p).toBe(false);
    }
  });

  it("lets billing managers, not members, see and manage the subscription", () => {
    expect(can(member("billing_manager"), "subscription.manage")).toBe(true);
    expect(can(member("member"), "subscription.read")).toBe(false);
  });

  it("gives every role read access to the org and its members", () => {
    for (const role of roles) {
      expect(can(member(role), "org.read")).toBe(true);
      expect(can(member(role), "members.read")).toBe(true);
    }
  });

  it("lets service accounts use the API for org data but not for people-only actions", () => {
    for (const p of ["org.read", "members.read", "members.manage", "invitations.manage", "activity.read"] as const) {
      expect(can(serviceAccount, p), p).toBe(true);
    }
    for (const p of ["org.update", "org.leave", "tokens.self", "serviceAccounts.manage", "subscription.manage"] as const) {
      expect(can(serviceAccount, p), p).toBe(false);
    }
  });

  it("assertCan throws a forbidden AppError", () => {
    expect(() => assertCan(member("admin"), "org.update")).not.toThrow();
    expect(() => assertCan(member("member"), "org.update")).toThrow(AppError);
    expect(() => assertCan(serviceAccount, "serviceAccounts.manage")).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});

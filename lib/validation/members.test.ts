import { describe, expect, it } from "vitest";
import { bulkUsersSchema, changeRoleSchema, listMembersQuerySchema } from "./members";
import { subscriptionFormSchema } from "./subscriptions";

const id = "5b0c7a7e-8c1e-4d5e-9a3b-2f1d0c9b8a76";

describe("member schemas", () => {
  it("bulk: at least one user, duplicates removed, at most 10,000", () => {
    expect(bulkUsersSchema.parse({ userIds: [id, id] })).toEqual({ userIds: [id] });
    expect(bulkUsersSchema.safeParse({ userIds: [] }).error?.issues[0].message).toBe("Choose at least one user.");
    expect(bulkUsersSchema.safeParse({ userIds: ["x"] }).success).toBe(false);
    expect(bulkUsersSchema.safeParse({ userIds: Array(10_001).fill(id) }).success).toBe(false);
  });

  it("roles are the three known ones", () => {
    expect(changeRoleSchema.safeParse({ userId: id, role: "billing_manager" }).success).toBe(true);
    expect(changeRoleSchema.safeParse({ userId: id, role: "owner" }).success).toBe(false);
  });

  it("list query: defaults, and bad values fall back instead of failing", () => {
    expect(listMembersQuerySchema.parse({})).toEqual({ q: "", sort: "name", dir: "asc", page: 1, pageSize: 25 });
    expect(listMembersQuerySchema.parse({ sort: "x", dir: "up", page: "0", pageSize: "500", role: "owner", seat: "maybe" })).toEqual({
      q: "",
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 25,
    });
    expect(listMembersQuerySchema.parse({ q: "  ada ", page: "3", seat: "yes", role: "admin" })).toMatchObject({
      q: "ada",
      page: 3,
      seat: "yes",
      role: "admin",
    });
  });
});

describe("subscription form", () => {
  it.each([1, 3, 100_000])("accepts %d seats", (seats) => {
    expect(subscriptionFormSchema.safeParse({ seats, billingCycle: "yearly" }).success).toBe(true);
  });
  it.each([0, -1, 2.5, 100_001, Number.NaN])("refuses %d seats with one clear message", (seats) => {
    const r = subscriptionFormSchema.safeParse({ seats, billingCycle: "monthly" });
    expect(r.error?.issues[0].message).toBe("Enter a whole number of seats from 1 to 100,000.");
  });
});

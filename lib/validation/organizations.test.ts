import { describe, expect, it } from "vitest";
import { createOrganizationSchema, orgIdSchema, renameOrganizationSchema, suggestOrgId } from "./organizations";

describe("suggestOrgId", () => {
  it.each([
    ["Acme", "acme"],
    ["Acme Labs, Inc.", "acme-labs-inc"],
    ["  --Hello   World--  ", "hello-world"],
    ["Café Zürich", "cafe-zurich"],
    ["R&D 2024", "r-d-2024"],
    ["日本", ""],
    ["", ""],
  ])("%j -> %j", (name, id) => {
    expect(suggestOrgId(name)).toBe(id);
  });

  it("cuts long names to 39 characters without a trailing hyphen", () => {
    const id = suggestOrgId(`${"a".repeat(38)} b and more`);
    expect(id).toBe("a".repeat(38));
    expect(orgIdSchema.safeParse(id).success).toBe(true);
  });

  it("suggests IDs that pass the schema whenever they are long enough and not reserved", () => {
    for (const name of ["Acme Labs, Inc.", "Café Zürich", "The   Company", "x".repeat(80), "A-1 Services"]) {
      expect(orgIdSchema.safeParse(suggestOrgId(name)).success, name).toBe(true);
    }
  });
});

describe("orgIdSchema", () => {
  const message = (input: string) => {
    const r = orgIdSchema.safeParse(input);
    return r.success ? null : r.error.issues[0].message;
  };

  it("trims and lower-cases", () => {
    expect(orgIdSchema.parse("  Acme-Labs ")).toBe("acme-labs");
  });

  it.each([
    ["ab", /at least 3/],
    ["a".repeat(40), /at most 39/],
    ["acme_labs", /letters a-z/],
    ["-acme", /Start and end/],
    ["acme-", /Start and end/],
    ["new", /reserved/],
    ["API", /reserved/],
    ["settings", /reserved/],
  ])("refuses %j", (input, expected) => {
    expect(message(input)).toMatch(expected);
  });

  it.each(["abc", "a".repeat(39), "a-b", "1-2-3", "acme--labs", "newco"])("accepts %j", (input) => {
    expect(message(input)).toBeNull();
  });
});

describe("organization schemas", () => {
  it("createOrganizationSchema reports each field", () => {
    const r = createOrganizationSchema.safeParse({ name: " ", orgId: "x" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(["name", "orgId"]);
  });

  it("renameOrganizationSchema accepts 1 to 100 characters after trimming", () => {
    expect(renameOrganizationSchema.parse({ name: "  X  " })).toEqual({ name: "X" });
    expect(renameOrganizationSchema.safeParse({ name: "x".repeat(100) }).success).toBe(true);
    expect(renameOrganizationSchema.safeParse({ name: "x".repeat(101) }).success).toBe(false);
    expect(renameOrganizationSchema.safeParse({ name: "" }).success).toBe(false);
  });
});

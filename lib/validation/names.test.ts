import { describe, expect, it } from "vitest";
import { oneLineSubject } from "@/lib/email/render";
import { addOrgUserSchema } from "./api-users";
import { signUpSchema } from "./auth";
import { createOrganizationSchema, renameOrganizationSchema } from "./organizations";
import { createServiceAccountSchema } from "./service-accounts";

const hostile = [
  ["CR", "Eve\rBcc: all@example.com"],
  ["LF", "Eve\nSubject: hi"],
  ["NUL", "Eve\u0000"],
  ["tab", "Eve\tX"],
  ["RLO", "Eve \u202Egnp.exe"],
  ["LRI", "Eve \u2066x\u2069"],
  ["ALM", "Eve \u061C"],
  ["C1", "Eve \u0085"],
];

describe("names refuse control characters and bidi overrides", () => {
  it.each(hostile)("user name with %s", (_, name) => {
    const r = signUpSchema.safeParse({ name, email: "a@example.com", password: "correct horse battery" });
    expect(r.success).toBe(false);
  });

  it.each(hostile)("organization name with %s", (_, name) => {
    expect(createOrganizationSchema.safeParse({ name, orgId: "acme" }).success).toBe(false);
    expect(renameOrganizationSchema.safeParse({ name }).success).toBe(false);
  });

  it.each(hostile)("managed user name parts with %s", (_, name) => {
    expect(addOrgUserSchema.safeParse({ first_name: name }).success).toBe(false);
    expect(addOrgUserSchema.safeParse({ last_name: name }).success).toBe(false);
  });

  it.each(hostile)("service account name with %s", (_, name) => {
    expect(createServiceAccountSchema.safeParse({ name }).success).toBe(false);
  });

  it("ordinary names, accents and right-to-left scripts pass", () => {
    for (const name of ["Zoë Ångström", "محمد", "李小龍", "O'Brien-Smith", "Acme, Inc."]) {
      expect(signUpSchema.safeParse({ name, email: "a@example.com", password: "correct horse battery" }).success).toBe(true);
      expect(renameOrganizationSchema.safeParse({ name }).success).toBe(true);
    }
  });
});

describe("email subjects", () => {
  it("never carry a raw line break", () => {
    expect(oneLineSubject("Join Acme\r\nBcc: all@example.com")).toBe("Join Acme Bcc: all@example.com");
    expect(oneLineSubject("a\u2028b\u0000c")).toBe("a b c");
  });
});

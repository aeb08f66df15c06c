import { describe, expect, it } from "vitest";
import { parseEmailCsv } from "@/lib/csv/email-csv";
import { reportToCsv } from "./report-csv";

describe("reportToCsv", () => {
  it("writes one line per entry with the outcome, details and rows, quoting where needed", () => {
    const csv = reportToCsv([
      {
        email: "ada@example.com",
        outcome: "invited",
        role: "billing_manager",
        rows: [2, 5],
        reason: "Listed 2 times in the file (rows 2, 5); handled once",
      },
      { email: '=HYPERLINK("x")', outcome: "invalid", reason: "Not a valid email address", rows: [3] },
      { email: "bob@example.com", outcome: "already_member" },
    ]);
    expect(csv.startsWith("\uFEFFemail,result,role,details,rows\r\n")).toBe(true);
    expect(csv).toContain('ada@example.com,Invited,billing_manager,"Listed 2 times in the file (rows 2, 5); handled once",2 5\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")",Invalid,,Not a valid email address,3\r\n`);
    expect(csv).toContain("bob@example.com,Already a member (skipped),,,\r\n");
  });

  it("can be read back by the upload parser (addresses in the email column, roles in the role column)", () => {
    const csv = reportToCsv([
      { email: "ada@example.com", outcome: "invited", role: "admin" },
      { email: "bob@example.com", outcome: "already_member" },
    ]);
    const entries = parseEmailCsv(new TextEncoder().encode(csv)).entries;
    expect(entries.map((e) => [e.value, e.role])).toEqual([
      ["ada@example.com", "admin"],
      ["bob@example.com", undefined],
    ]);
  });
});

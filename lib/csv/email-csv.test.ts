import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseEmailCsv } from "./email-csv";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The report a person sees: value, rows, and invalid reason. */
const report = (file: string | Uint8Array) =>
  parseEmailCsv(typeof file === "string" ? utf8(file) : file).entries.map((e) =>
    e.check.ok ? { email: e.value, rows: e.rows } : { invalid: e.value, rows: e.rows, reason: e.check.reason },
  );

function refusal(file: string | Uint8Array): AppError {
  try {
    parseEmailCsv(typeof file === "string" ? utf8(file) : file);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("expected the file to be refused");
}

describe("parseEmailCsv", () => {
  it("reads a plain list without a header, first column", () => {
    expect(report("ada@example.com\nbob@example.com\n")).toEqual([
      { email: "ada@example.com", rows: [1] },
      { email: "bob@example.com", rows: [2] },
    ]);
  });

  it("strips a UTF-8 BOM (the header is still recognised)", () => {
    const parsed = parseEmailCsv(utf8("\uFEFFemail\nada@example.com\n"));
    expect(parsed.header).toBe(true);
    expect(report("\uFEFFemail\nada@example.com\n")).toEqual([{ email: "ada@example.com", rows: [2] }]);
  });

  it("reads CRLF line endings", () => {
    expect(report("Email\r\nada@example.com\r\nbob@example.com\r\n")).toEqual([
      { email: "ada@example.com", rows: [2] },
      { email: "bob@example.com", rows: [3] },
    ]);
  });

  it("reads `;` as the separator", () => {
    expect(report("Name;Email\nAda Lovelace;ada@example.com\nBob, Jr.;bob@example.com\n")).toEqual([
      { email: "ada@example.com", rows: [2] },
      { email: "bob@example.com", rows: [3] },
    ]);
  });

  it("reads quoted fields with commas, quotes and line breaks", () => {
    const file = 'name,email\n"Lovelace, Ada",ada@example.com\n"Bob ""B"" Jones","bob@example.com"\n"two\nlines",cy@example.com\n';
    expect(report(file)).toEqual([
      { email: "ada@example.com", rows: [2] },
      { email: "bob@example.com", rows: [3] },
      { email: "cy@example.com", rows: [4] },
    ]);
  });

  it("uses the `Email` header in another column, any case", () => {
    const parsed = parseEmailCsv(utf8("First,Last,EMAIL,Team\nAda,L,ada@example.com,R&D\n"));
    expect(parsed).toMatchObject({ header: true, column: 2 });
    expect(report("First,Last,EMAIL,Team\nAda,L,ada@example.com,R&D\n")).toEqual([{ email: "ada@example.com", rows: [2] }]);
  });

  it("treats a first row without any address as a header and reads the first column", () => {
    expect(report("Address,Note\nada@example.com,x\n")).toEqual([{ email: "ada@example.com", rows: [2] }]);
  });

  it("without a header, a first row with an address is data", () => {
    expect(parseEmailCsv(utf8("ada@example.com,Ada\n")).header).toBe(false);
  });

  it("ignores blank lines and rows of empty cells, keeping true row numbers", () => {
    expect(report("email\n\nada@example.com\n  \n,,\nbob@example.com\n\n")).toEqual([
      { email: "ada@example.com", rows: [3] },
      { email: "bob@example.com", rows: [6] },
    ]);
  });

  it("reports duplicates once, case-insensitively, with every row", () => {
    expect(report("email\nAda@Example.com\nbob@example.com\n ADA@EXAMPLE.COM \nada@example.com\n")).toEqual([
      { email: "ada@example.com", rows: [2, 4, 5] },
      { email: "bob@example.com", rows: [3] },
    ]);
  });

  it("reports invalid rows with the reason and row number", () => {
    expect(report(`email\nnot-an-email\nada@example.com\nbob@\n${"x".repeat(250)}@example.com\nName Only,\n`)).toEqual([
      { invalid: "not-an-email", rows: [2], reason: "Not a valid email address" },
      { email: "ada@example.com", rows: [3] },
      { invalid: "bob@", rows: [4], reason: "Not a valid email address" },
      { invalid: `${"x".repeat(250)}@example.com`, rows: [5], reason: "Longer than 254 characters" },
      { invalid: "Name Only", rows: [6], reason: "Not a valid email address" },
    ]);
  });

  it("reports a row whose email cell is empty", () => {
    expect(report("name,email\nAda,\nBob,bob@example.com\n")).toEqual([
      { invalid: "", rows: [2], reason: "No email address" },
      { email: "bob@example.com", rows: [3] },
    ]);
  });

  it("accepts 10,000 data rows (plus a header)", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `user${i}@example.com`);
    const parsed = parseEmailCsv(utf8(`email\n${rows.join("\n")}\n`));
    expect(parsed.dataRows).toBe(10_000);
    expect(parsed.entries).toHaveLength(10_000);
  });

  it("refuses 10,001 data rows, saying nothing was invited", () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `user${i}@example.com`);
    const err = refusal(`email\n${rows.join("\n")}\n`);
    expect(err).toMatchObject({ code: "validation", reason: "csv_too_many_rows" });
    expect(err.message).toMatch(/10,001 rows; the limit is 10,000.*Nothing was invited/);
  });

  it("refuses a file over 5 MiB", () => {
    const err = refusal(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61));
    expect(err).toMatchObject({ reason: "csv_too_large" });
    expect(err.message).toMatch(/larger than 5 MiB/);
  });

  it("refuses binary garbage", () => {
    expect(refusal(randomBytes(2048))).toMatchObject({ reason: "csv_not_text" });
    // A PNG header: valid-looking bytes with NUL and control characters.
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatchObject({
      reason: "csv_not_text",
    });
    expect(refusal("ada@example.com\u0000\u0001\u0002")).toMatchObject({ reason: "csv_not_text" });
  });

  it("an empty file has no entries", () => {
    expect(parseEmailCsv(utf8("")).entries).toEqual([]);
    expect(parseEmailCsv(utf8("email\n")).entries).toEqual([]);
  });

  it("tolerates a stray quote inside an unquoted field", () => {
    expect(report('email,note\nada@example.com,6" tall\n')).toEqual([{ email: "ada@example.com", rows: [2] }]);
  });

  it("reads an optional role column: the three role names in any case, blank for the dialog's choice, anything else invalid with its row", () => {
    const parsed = parseEmailCsv(
      utf8('Role;E-mail\r\nADMIN;a@example.com\r\n;b@example.com\r\nbilling_manager;c@example.com\r\n"Account Admin";d@example.com\r\n'),
    );
    expect(parsed.roleColumn).toBe(0);
    expect(parsed.entries.map((e) => [e.value, e.role, e.check.ok ? "ok" : e.check.reason])).toEqual([
      ["a@example.com", "admin", "ok"],
      ["b@example.com", undefined, "ok"],
      ["c@example.com", "billing_manager", "ok"],
      ["d@example.com", undefined, 'Row 5: role "account admin" is not one of member, billing_manager, admin'],
    ]);
  });

  it("an address listed twice with different roles, or once with a bad role, is invalid rather than guessed", () => {
    const parsed = parseEmailCsv(
      utf8("email,role\nada@example.com,member\nada@example.com,admin\nbob@example.com,member\nbob@example.com,boss\n"),
    );
    expect(parsed.entries.map((e) => [e.value, e.rows, e.check.ok ? "ok" : e.check.reason])).toEqual([
      ["ada@example.com", [2, 3], "Listed with different roles (rows 2, 3)"],
      ["bob@example.com", [4, 5], 'Row 5: role "boss" is not one of member, billing_manager, admin'],
    ]);
  });

  it("without a header there is no role column", () => {
    expect(parseEmailCsv(utf8("ada@example.com,admin\n")).entries).toEqual([
      { value: "ada@example.com", rows: [1], check: { ok: true, email: "ada@example.com" }, role: undefined },
    ]);
  });
});

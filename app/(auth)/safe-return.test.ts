import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return";

describe("safeReturnPath", () => {
  it.each(["/organizations/acme/profile", "/invitations/abc?x=1#top", "/organizations"])("keeps the same-origin path %s", (value) => {
    expect(safeReturnPath(value)).toBe(value);
  });

  it.each([
    ["TAB", "/\t/evil.example"],
    ["LF", "/\n/evil.example"],
    ["CR", "/\r/evil.example"],
    ["CRLF", "/\r\n/evil.example/x"],
    ["double slash", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash with tab", "/\t\\evil.example"],
    ["leading tab", "\t//evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript", "javascript:alert(1)"],
    ["encoded nothing", ""],
  ])("refuses %s", (_, value) => {
    expect(safeReturnPath(value)).toBe("/organizations");
  });

  it("uses the fallback it is given", () => {
    expect(safeReturnPath("//evil.example", "/")).toBe("/");
    expect(safeReturnPath(null)).toBe("/organizations");
  });

  it("hands back the normalized path, not the raw value", () => {
    expect(safeReturnPath("/a/../organizations")).toBe("/organizations");
  });
});

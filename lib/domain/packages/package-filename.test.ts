import { describe, expect, it } from "vitest";
import { mayReadChannel } from "../channels/channel-rule";
import { parsePackageFilename } from "./package-filename";

describe("package file names", () => {
  it("splits name, version and build from the right, for both formats", () => {
    expect(parsePackageFilename("my-pkg-name-1.2.3-py310h1234_0.conda")).toEqual({
      name: "my-pkg-name",
      version: "1.2.3",
      build: "py310h1234_0",
      format: ".conda",
    });
    expect(parsePackageFilename("numpy-1.26.4-py312_0.tar.bz2")).toEqual({
      name: "numpy",
      version: "1.26.4",
      build: "py312_0",
      format: ".tar.bz2",
    });
    expect(parsePackageFilename("pkg-1!2.0-0.conda")?.version).toBe("1!2.0");
  });

  it("refuses anything that is not a conda package name", () => {
    for (const bad of [
      "pkg.conda",
      "pkg-1.0.conda",
      "pkg-1.0-0.zip",
      "../pkg-1.0-0.conda",
      "pkg-1.0-0.conda/x",
      "Pkg-1.0-0.conda",
      "pkg-1.0-0 .conda",
      "pkg-1/0-0.conda",
      `${"a".repeat(260)}-1-0.conda`,
      "",
    ]) {
      expect(parsePackageFilename(bad), bad).toBeNull();
    }
  });
});

describe("the channel rule", () => {
  const open = { access: "all_seated" as const, groupIds: [] };
  const closed = { access: "groups" as const, groupIds: ["g1"] };
  it("lets admins and service accounts read all, others with a seat and, for groups, membership", () => {
    expect(mayReadChannel({ role: "admin", seated: false, groupIds: [] }, closed)).toBe(true);
    expect(mayReadChannel({ role: null, seated: true, groupIds: [] }, closed)).toBe(true);
    expect(mayReadChannel({ role: "member", seated: true, groupIds: [] }, open)).toBe(true);
    expect(mayReadChannel({ role: "member", seated: false, groupIds: ["g1"] }, open)).toBe(false);
    expect(mayReadChannel({ role: "member", seated: true, groupIds: ["g2"] }, closed)).toBe(false);
    expect(mayReadChannel({ role: "billing_manager", seated: true, groupIds: ["g1"] }, closed)).toBe(true);
    expect(mayReadChannel({ role: "billing_manager", seated: true, groupIds: [] }, closed)).toBe(false);
  });
});

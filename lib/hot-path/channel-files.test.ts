import { describe, expect, it } from "vitest";
import { contentTypeOf, fileHeaders, parseChannelPath, parseRange } from "./channel-files";
import { tokenFromCheckRequest } from "./handler";
import type { IncomingMessage } from "node:http";

describe("parseRange", () => {
  it.each([
    ["bytes=0-0", { start: 0, end: 0 }],
    ["bytes=10-19", { start: 10, end: 19 }],
    ["bytes=90-", { start: 90, end: 99 }],
    ["bytes=95-500", { start: 95, end: 99 }],
    ["bytes=-5", { start: 95, end: 99 }],
    ["bytes=-500", { start: 0, end: 99 }],
    ["bytes=100-", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=5-2", null],
    ["bytes=0-1,3-4", null],
    ["items=0-1", null],
    ["bytes=-", null],
    [undefined, null],
  ] as const)("%s of 100 bytes -> %j", (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});

describe("parseChannelPath", () => {
  it("accepts plain segments and decodes them", () => {
    expect(parseChannelPath(["sample", "noarch", "repodata.json"])).toEqual({ channel: "sample", segments: ["noarch", "repodata.json"] });
    expect(parseChannelPath(["sample", "noarch", "a%20b.conda"])).toEqual({ channel: "sample", segments: ["noarch", "a b.conda"] });
  });

  it.each([
    [["sample"]],
    [["..", "x"]],
    [["sample", ".."]],
    [["sample", "%2e%2e", "x"]],
    [["sample", "a%2fb"]],
    [["sample", "a%5Cb"]],
    [["sample", "a\\b"]],
    [["sample", "a%00"]],
    [["sample", ""]],
    [["sample", ".git"]],
    [["sample", "%E0%A4%A"]],
    [["-bad", "x"]],
  ])("refuses %j", (segments) => {
    expect(parseChannelPath(segments)).toBeNull();
  });
});

describe("tokenFromCheckRequest", () => {
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
  it("reads a Bearer header first, then the /t/<token>/ prefix of X-Original-URI", () => {
    expect(tokenFromCheckRequest(req({ authorization: "Bearer opt_a" }))).toBe("opt_a");
    expect(tokenFromCheckRequest(req({ authorization: "bearer  opt_b " }))).toBe("opt_b");
    expect(tokenFromCheckRequest(req({ "x-original-uri": "/t/opt_c/sample/noarch/repodata.json" }))).toBe("opt_c");
    expect(tokenFromCheckRequest(req({ "x-original-uri": "/t/opt_d?x=1" }))).toBe("opt_d");
    expect(tokenFromCheckRequest(req({ "x-original-uri": "/other/opt_e/" }))).toBeNull();
    expect(tokenFromCheckRequest(req({ authorization: "Basic abc" }))).toBeNull();
  });
});

it("names content types conda clients expect", () => {
  expect(contentTypeOf("repodata.json")).toBe("application/json");
  expect(contentTypeOf("x-1.0-0.tar.bz2")).toBe("application/x-bzip2");
  expect(contentTypeOf("x-1.0-0.conda")).toBe("application/octet-stream");
  expect(contentTypeOf("repodata.json.zst")).toBe("application/zstd");
});

describe("fileHeaders", () => {
  it.each([
    "x-1.0-0.conda",
    "x-1.0-0.tar.bz2",
    "repodata.json",
    "repodata.json.zst",
    "current_repodata.json",
    "repodata.jlap",
    "channeldata.json",
  ])("serves %s as channel content", (name) => {
    const h = fileHeaders(`/srv/channels/main/noarch/${name}`);
    expect(h["content-disposition"]).toBeUndefined();
    expect(h["x-content-type-options"]).toBe("nosniff");
  });

  it.each(["index.html", "README.md", "logo.svg", "notes.txt", "evil.html.conda.html", "repodata.json.html"])(
    "sends %s as a download, never as a page",
    (name) => {
      const h = fileHeaders(`/srv/channels/main/${name}`);
      expect(h["content-type"]).toBe("application/octet-stream");
      expect(h["content-disposition"]).toMatch(/^attachment; filename="/);
      expect(h["x-content-type-options"]).toBe("nosniff");
    },
  );

  it("keeps a quote or a non-ASCII name from breaking the header", () => {
    const h = fileHeaders('/srv/channels/main/a"b\u00e9.html');
    expect(h["content-disposition"]).toBe(`attachment; filename="a_b_.html"; filename*=UTF-8''a%22b%C3%A9.html`);
  });
});

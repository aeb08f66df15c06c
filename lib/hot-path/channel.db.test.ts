import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { revokeToken } from "@/lib/domain/tokens/member/revoke-token";
import { orgWithSeatedMember, rawGet, startHotPath, type TestHotPath } from "@/lib/domain/tokens/member/test-support";
import { useTestDatabase } from "@/test/db";

const testDb = useTestDatabase();
let hot: TestHotPath;
let dir: string;
let token: string;
const PKG = "hello-portal-1.0.0-0.tar.bz2";

beforeAll(async () => {
  // A copy of the sample channel plus traps: a secret beside the channels, symlinks pointing out.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "channels-"));
  fs.cpSync(path.join(process.cwd(), "channels", "sample"), path.join(dir, "channels", "sample"), { recursive: true });
  fs.writeFileSync(path.join(dir, "secret.txt"), "top secret");
  fs.writeFileSync(path.join(dir, "channels", "sample", ".hidden"), "hidden");
  fs.symlinkSync(path.join(dir, "secret.txt"), path.join(dir, "channels", "sample", "noarch", "link.txt"));
  fs.symlinkSync(dir, path.join(dir, "channels", "sample", "up"));
  fs.mkdirSync(path.join(dir, "channels", "other"));
  fs.writeFileSync(path.join(dir, "channels", "other", "file.txt"), "other channel");
  fs.writeFileSync(path.join(dir, "channels", "sample", "index.html"), "<script>alert(document.cookie)</script>");
  hot = await startHotPath(testDb.handle, { channelsDir: path.join(dir, "channels") });
  const { org, member } = await orgWithSeatedMember();
  token = (await issueToken(member, org.slug)).token;
});

afterAll(async () => {
  await hot?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("GET /t/<token>/<channel>/<path>", () => {
  it("serves repodata.json and packages with content types and validators", async () => {
    const res = await rawGet(hot.url, `/t/${token}/sample/noarch/repodata.json`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(res.body.toString()).packages[PKG]).toBeTruthy();
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(res.headers["last-modified"]).toBeTruthy();
    expect(res.headers["accept-ranges"]).toBe("bytes");

    const pkg = await rawGet(hot.url, `/t/${token}/sample/noarch/${PKG}`);
    expect(pkg.status).toBe(200);
    expect(pkg.headers["content-type"]).toBe("application/x-bzip2");
    expect(pkg.body.equals(fs.readFileSync(path.join(dir, "channels", "sample", "noarch", PKG)))).toBe(true);

    expect((await rawGet(hot.url, `/t/${token}/sample/noarch/repodata.json`, { "if-none-match": res.headers.etag! })).status).toBe(304);
    expect(
      (await rawGet(hot.url, `/t/${token}/sample/noarch/repodata.json`, { "if-modified-since": res.headers["last-modified"]! })).status,
    ).toBe(304);
  });

  it("sends a file that is not a package or repodata as a download, never as a page", async () => {
    const res = await rawGet(hot.url, `/t/${token}/sample/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/octet-stream");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="index.html"/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers Range requests with 206, and 416 when unsatisfiable", async () => {
    const full = fs.readFileSync(path.join(dir, "channels", "sample", "noarch", PKG));
    const part = await rawGet(hot.url, `/t/${token}/sample/noarch/${PKG}`, { range: "bytes=10-19" });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 10-19/${full.length}`);
    expect(part.body.equals(full.subarray(10, 20))).toBe(true);
    const tail = await rawGet(hot.url, `/t/${token}/sample/noarch/${PKG}`, { range: "bytes=-5" });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(full.subarray(full.length - 5))).toBe(true);
    const open = await rawGet(hot.url, `/t/${token}/sample/noarch/${PKG}`, { range: `bytes=${full.length - 3}-` });
    expect(open.body.equals(full.subarray(full.length - 3))).toBe(true);
    const bad = await rawGet(hot.url, `/t/${token}/sample/noarch/${PKG}`, { range: `bytes=${full.length + 10}-` });
    expect(bad.status).toBe(416);
    expect(bad.headers["content-range"]).toBe(`bytes */${full.length}`);
    // A stale If-Range gets the whole (new) file instead of a piece of it.
    const stale = await rawGet(hot.url, `/t/${token}/sample/noarch/${PKG}`, { range: "bytes=0-3", "if-range": '"old"' });
    expect(stale.status).toBe(200);
  });

  it("refuses every path traversal attempt", async () => {
    const attempts = [
      "/sample/../../secret.txt",
      "/sample/noarch/../../../secret.txt",
      "/sample/%2e%2e/%2e%2e/secret.txt",
      "/sample/%2E%2E%2F%2E%2E%2Fsecret.txt",
      "/sample/noarch%2f..%2f..%2f..%2fsecret.txt",
      "/sample/..%5c..%5csecret.txt",
      "/sample/noarch/..\\..\\secret.txt",
      "/sample/noarch/link.txt",
      "/sample/up/secret.txt",
      "/sample/.hidden",
      "/sample/./noarch/repodata.json",
      "/sample//noarch/repodata.json",
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/sample/noarch/repodata.json%00.txt",
      "/sample/%ZZ",
      "/sample/noarch/",
      "/sample",
      "/other/../sample/noarch/repodata.json",
    ];
    for (const attempt of attempts) {
      const res = await rawGet(hot.url, `/t/${token}${attempt}`);
      expect([400, 404], attempt).toContain(res.status);
      expect(res.body.toString()).not.toContain("top secret");
    }
    // The other channel is reachable by its own name only.
    expect((await rawGet(hot.url, `/t/${token}/other/file.txt`)).status).toBe(200);
  });

  it("answers 401 with a plain message for invalid tokens, and stops at once on revoke", async () => {
    const bad = await rawGet(hot.url, `/t/opt_nope/sample/noarch/repodata.json`);
    expect(bad.status).toBe(401);
    expect(bad.headers["content-type"]).toMatch(/^text\/plain/);
    expect(bad.body.toString()).toMatch(/token/i);
    // Even traversal attempts with a bad token are 401, never a hint about the file system.
    expect((await rawGet(hot.url, `/t/opt_nope/../../secret.txt`)).status).toBe(401);

    const { org, member } = await orgWithSeatedMember();
    const mine = (await issueToken(member, org.slug)).token;
    expect((await rawGet(hot.url, `/t/${mine}/sample/noarch/repodata.json`)).status).toBe(200);
    await revokeToken(member, org.slug, { userId: member.userId });
    expect((await rawGet(hot.url, `/t/${mine}/sample/noarch/repodata.json`)).status).toBe(401);
  });
});

describe("hostile input on the hot path", () => {
  it("never answers 5xx, whatever the path, token or headers", async () => {
    const segment = fc.oneof(
      fc.constantFrom("..", ".", "%2e%2e", "%2f", "%5c", "%00", "%", "sample", "noarch", "repodata.json", "", "~", "%E0%A4%A"),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/t/", "/api/tokens/check", "/api/tokens/introspect"),
        fc.boolean(),
        fc.array(segment, { maxLength: 6 }),
        fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"),
        fc.record(
          {
            authorization: fc.string({ maxLength: 60 }),
            range: fc.string({ maxLength: 20 }),
            "x-original-uri": fc.string({ maxLength: 60 }),
          },
          { requiredKeys: [] },
        ),
        async (prefix, useToken, segments, method, rawHeaders) => {
          const headers = Object.fromEntries(Object.entries(rawHeaders).filter(([, v]) => /^[\x20-\x7e]*$/.test(v)));
          const pathname = prefix === "/t/" ? `/t/${useToken ? token : "opt_x"}/${segments.join("/")}` : `${prefix}?${segments.join("&")}`;
          const { hostname, port } = new URL(hot.url);
          const status = await new Promise<number>((resolve, reject) => {
            const req = http.request({ hostname, port, path: pathname, method, headers, agent: false }, (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            });
            req.on("error", reject);
            req.end();
          });
          expect(status, `${method} ${pathname}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { simpleSolve } from "@conda-org/rattler";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { ChannelCatalog } from "@/lib/domain/channels/catalog";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { useTemporaryPackagesDir } from "@/lib/domain/channels/test-support";
import { updateChannel } from "@/lib/domain/channels/update-channel";
import { addGroupMembers, removeGroupMembers } from "@/lib/domain/groups/group-members";
import { createGroup } from "@/lib/domain/groups/create-group";
import { changeMemberRole } from "@/lib/domain/members/change-member-role";
import { addTestMember } from "@/lib/domain/members/test-support";
import { DownloadRecorder } from "@/lib/domain/packages/downloads";
import { buildPackage, fileBody, hasCph, NO_CPH } from "@/lib/domain/packages/test-support";
import { uploadPackage } from "@/lib/domain/packages/upload-package";
import { TokenChecker } from "@/lib/domain/tokens/check/check-token";
import { UsageRecorder } from "@/lib/domain/tokens/check/usage";
import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { orgWithSeatedMember, rawGet, setSeat } from "@/lib/domain/tokens/member/test-support";
import { useTestDatabase } from "@/test/db";
import { createHotPath } from "./handler";

const testDb = useTestDatabase();
let url: string;
let server: http.Server;
let checker: TokenChecker;
let downloads: DownloadRecorder;
let channelsDir: string;
let a: Awaited<ReturnType<typeof orgWithSeatedMember>> & { outside: Awaited<ReturnType<typeof addTestMember>>; groupId: string };
const tok: Record<"member" | "outside" | "admin" | "b", string> = { member: "", outside: "", admin: "", b: "" };
const alpha = hasCph ? buildPackage({ name: "alpha", version: "1.0", build: "0" }) : null;
const beta = hasCph ? buildPackage({ name: "beta", version: "2.0", build: "1", depends: ["alpha >=1.0"], format: ".tar.bz2" }) : null;

let privateChannelId = "";
const privateId = () => privateChannelId;
const get = (p: string, headers: Record<string, string> = {}) => rawGet(url, p, headers);
const check = (token: string, uri: string) => rawGet(url, "/api/tokens/check", { "x-original-uri": `/t/${token}${uri}` });

beforeAll(async () => {
  useTemporaryPackagesDir();
  channelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "instance-channels-"));
  fs.cpSync(path.join(process.cwd(), "channels", "sample"), path.join(channelsDir, "sample"), { recursive: true });
  checker = await new TokenChecker(testDb.handle).start();
  downloads = new DownloadRecorder(() => testDb.handle.db);
  const hot = createHotPath({
    checker,
    usage: new UsageRecorder(() => testDb.handle.db),
    channelsDir,
    catalog: new ChannelCatalog(checker),
    downloads,
  });
  server = http.createServer((req, res) => void (hot(req, res) || res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const base = await orgWithSeatedMember("Chan");
  const outside = await addTestMember(base.org, "member");
  await setSeat(base.org, outside.userId, true);
  await setSeat(base.org, base.admin.userId, true);
  const group = await createGroup(base.admin, base.org.slug, { name: "Builders" });
  await addGroupMembers(base.admin, base.org.slug, group.id, { user_ids: [base.member.userId] });
  await createChannel(base.admin, base.org.slug, { name: "public" });
  await createChannel(base.admin, base.org.slug, { name: "private", access: "groups", group_ids: [group.id] });
  a = { ...base, outside, groupId: group.id };
  privateChannelId = (await db().select().from(t.channels).where(eq(t.channels.name, "private")))[0].id;
  tok.member = (await issueToken(base.member, base.org.slug)).token;
  tok.outside = (await issueToken(outside, base.org.slug)).token;
  tok.admin = (await issueToken(base.admin, base.org.slug)).token;
  const b = await orgWithSeatedMember("Other");
  tok.b = (await issueToken(b.member, b.org.slug)).token;
  if (alpha && beta) {
    for (const channel of ["public", "private"]) {
      await uploadPackage(base.admin, base.org.slug, { channel, subdir: "noarch", filename: alpha.filename }, fileBody(alpha.file));
    }
    await uploadPackage(base.admin, base.org.slug, { channel: "public", subdir: "noarch", filename: beta.filename }, fileBody(beta.file));
  }
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await downloads?.stop().catch(() => {});
  await checker?.close();
  fs.rmSync(channelsDir, { recursive: true, force: true });
});

describe.skipIf(!hasCph)(`org channels on /t/<token>/ (${hasCph ? "cph" : NO_CPH})`, () => {
  it("serves repodata from memory with validators and gzip, and packages byte for byte, counting downloads", async () => {
    const res = await get(`/t/${tok.member}/public/noarch/repodata.json`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
    const doc = JSON.parse(res.body.toString());
    expect(Object.keys(doc["packages.conda"])).toEqual([alpha!.filename]);
    expect(Object.keys(doc.packages)).toEqual([beta!.filename]);
    expect((await get(`/t/${tok.member}/public/noarch/repodata.json`, { "if-none-match": res.headers.etag! })).status).toBe(304);
    const gz = await get(`/t/${tok.member}/public/noarch/repodata.json`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(res.body)).toBe(true);
    // A platform without packages has an empty repodata; an unknown one does not exist.
    expect(JSON.parse((await get(`/t/${tok.member}/public/linux-64/repodata.json`)).body.toString()).packages).toEqual({});
    expect((await get(`/t/${tok.member}/public/linux-65/repodata.json`)).status).toBe(404);

    const pkg = await get(`/t/${tok.member}/public/noarch/${alpha!.filename}`);
    expect(pkg.status).toBe(200);
    expect(pkg.body.equals(fs.readFileSync(alpha!.file))).toBe(true);
    await get(`/t/${tok.member}/public/noarch/${alpha!.filename}`);
    expect((await get(`/t/${tok.member}/public/noarch/${alpha!.filename}`, { range: "bytes=5-9" })).status).toBe(206);
    expect((await get(`/t/${tok.member}/public/noarch/missing-1.0-0.conda`)).status).toBe(404);
    await downloads.flush();
    const rows = await db().select().from(t.packages).where(eq(t.packages.filename, alpha!.filename));
    const inPublic = rows.find((r) => r.channelId !== privateId());
    expect(inPublic?.downloads).toBe(2);
    expect(rows.find((r) => r.channelId === privateId())?.downloads).toBe(0);
  });

  it("a new upload is in the next repodata request", async () => {
    const gamma = buildPackage({ name: "gamma-new" });
    await get(`/t/${tok.member}/public/noarch/repodata.json`);
    await uploadPackage(a.admin, a.org.slug, { channel: "public", subdir: "noarch", filename: gamma.filename }, fileBody(gamma.file));
    const doc = JSON.parse((await get(`/t/${tok.member}/public/noarch/repodata.json`)).body.toString());
    expect(doc["packages.conda"][gamma.filename]).toBeTruthy();
  });

  it("a real solver (rattler) solves from the channel URL", async () => {
    // rattler's WebAssembly build decodes Content-Encoding again after fetch already has (it
    // panics on a gzip response), so it talks to the hot path through a proxy that asks for
    // identity encoding; conda, mamba and pixi take the gzip answer.
    const proxy = http.createServer((req, res) => {
      const headers = { ...req.headers };
      delete headers["accept-encoding"];
      const { hostname, port } = new URL(url);
      const upstream = http.request({ hostname, port, path: req.url, method: req.method, headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const via = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const solved = await simpleSolve(["beta"], [`${via}/t/${tok.member}/public`], ["noarch", "linux-64"], []);
      expect(solved.map((p) => `${p.packageName}=${p.version}`).sort()).toEqual(["alpha=1.0", "beta=2.0"]);
      expect(solved.find((p) => p.packageName === "beta")!.url).toBe(`${via}/t/${tok.member}/public/noarch/${beta!.filename}`);
      // The other org's member cannot solve from it: the channel does not exist for them.
      await expect(simpleSolve(["beta"], [`${via}/t/${tok.b}/public`], ["noarch"], [])).rejects.toBeTruthy();
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe("the channel rule on /t/ and on /api/tokens/check", () => {
  const statusOf = async (token: string, channel: string) => ({
    t: (await get(`/t/${token}/${channel}/noarch/repodata.json`)).status,
    check: (await check(token, `/${channel}/noarch/repodata.json`)).status,
  });

  it("answers 403 outside the groups, 200 inside and to admins; group changes count on the next request", async () => {
    expect(await statusOf(tok.member, "private")).toEqual({ t: 200, check: 204 });
    expect(await statusOf(tok.admin, "private")).toEqual({ t: 200, check: 204 });
    expect(await statusOf(tok.outside, "private")).toEqual({ t: 403, check: 403 });
    expect(await statusOf(tok.outside, "public")).toEqual({ t: 200, check: 204 });

    await addGroupMembers(a.admin, a.org.slug, a.groupId, { user_ids: [a.outside.userId] });
    expect(await statusOf(tok.outside, "private")).toEqual({ t: 200, check: 204 });
    await removeGroupMembers(a.admin, a.org.slug, a.groupId, { user_ids: [a.outside.userId] });
    expect(await statusOf(tok.outside, "private")).toEqual({ t: 403, check: 403 });
    await changeMemberRole(a.admin, a.org.slug, { userId: a.outside.userId, role: "admin" });
    expect(await statusOf(tok.outside, "private")).toEqual({ t: 200, check: 204 });
    await changeMemberRole(a.admin, a.org.slug, { userId: a.outside.userId, role: "member" });
    expect(await statusOf(tok.outside, "private")).toEqual({ t: 403, check: 403 });
    await updateChannel(a.admin, a.org.slug, "private", { access: "all_seated" });
    expect(await statusOf(tok.outside, "private")).toEqual({ t: 200, check: 204 });
    await updateChannel(a.admin, a.org.slug, "private", { access: "groups" });
    expect(await statusOf(tok.outside, "private")).toEqual({ t: 403, check: 403 });
  });

  it("another org's channel is a 404 like a made-up name; instance-wide channels stay readable by every org", async () => {
    expect(await statusOf(tok.b, "public")).toEqual({ t: 404, check: 404 });
    expect(await statusOf(tok.b, "private")).toEqual({ t: 404, check: 404 });
    expect(await statusOf(tok.b, "made-up")).toEqual({ t: 404, check: 404 });
    const madeUp = await get(`/t/${tok.b}/made-up/noarch/repodata.json`);
    const foreign = await get(`/t/${tok.b}/public/noarch/repodata.json`);
    expect(foreign.body.equals(madeUp.body)).toBe(true);
    expect(await statusOf(tok.b, "sample")).toEqual({ t: 200, check: 204 });
    expect(await statusOf(tok.member, "sample")).toEqual({ t: 200, check: 204 });
    expect((await check(tok.b, "/")).status).toBe(204);
  });

  it("a revoked seat fails the next request", async () => {
    await setSeat(a.org, a.outside.userId, false);
    expect(await statusOf(tok.outside, "public")).toEqual({ t: 401, check: 401 });
    await setSeat(a.org, a.outside.userId, true);
  });
});

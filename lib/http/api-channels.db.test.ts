import fs from "node:fs";
import { describe, expect, it } from "vitest";
import * as packageFile from "@/app/api/organizations/[orgId]/channels/[channel]/packages/[subdir]/[filename]/route";
import * as packages from "@/app/api/organizations/[orgId]/channels/[channel]/packages/route";
import * as channels from "@/app/api/organizations/[orgId]/channels/route";
import { useTemporaryPackagesDir } from "@/lib/domain/channels/test-support";
import { buildPackage, hasCph, NO_CPH } from "@/lib/domain/packages/test-support";
import { callRoute, createApiOrg, expectDocumentedResponse } from "@/test/api";
import { useTestDatabase } from "@/test/db";

useTestDatabase();
const PUT_PATH = "/api/organizations/{orgId}/channels/{channel}/packages/{subdir}/{filename}";

describe.skipIf(!hasCph)(`CI publishes with a service account (${hasCph ? "cph" : NO_CPH})`, () => {
  it("creates a channel, uploads, is refused a duplicate, a bad archive and an oversize declaration, and lists the package", async () => {
    useTemporaryPackagesDir();
    const home = await createApiOrg();
    const created = await callRoute(channels.POST, {
      method: "POST",
      token: home.saToken,
      params: { orgId: home.org.slug },
      body: { name: "ci" },
    });
    expect(created.status).toBe(201);
    const pkg = buildPackage({ name: "from-ci", version: "3.1", build: "py_0" });
    const params = { orgId: home.org.slug, channel: "ci", subdir: "noarch", filename: pkg.filename };
    const bytes = new Uint8Array(fs.readFileSync(pkg.file));
    const put = (body: Uint8Array, extra: Record<string, string> = {}, p = params) =>
      callRoute(packageFile.PUT, { method: "PUT", token: home.saToken, params: p, body, headers: extra });

    const ok = await put(bytes);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: "from-ci", version: "3.1", build: "py_0", size: bytes.length, uploaded_by: home.sa.name });
    expectDocumentedResponse(PUT_PATH, "PUT", ok);

    const again = await put(bytes);
    expect([again.status, again.body.code]).toEqual([409, "duplicate_package"]);
    expectDocumentedResponse(PUT_PATH, "PUT", again);

    const garbage = await put(new Uint8Array([1, 2, 3]), {}, { ...params, filename: "other-1.0-0.conda" });
    expect([garbage.status, garbage.body.code]).toEqual([422, "invalid_package"]);
    expect(garbage.body.detail).toMatch(/not a valid conda package/);

    const mismatch = await put(bytes, {}, { ...params, filename: "renamed-3.1-py_0.conda" });
    expect([mismatch.status, mismatch.body.code]).toEqual([422, "metadata_mismatch"]);

    const huge = await put(bytes, { "content-length": String(3 * 1024 ** 3) }, { ...params, filename: "huge-1.0-0.conda" });
    expect([huge.status, huge.body.code]).toEqual([413, "package_too_large"]);
    expectDocumentedResponse(PUT_PATH, "PUT", huge);

    const list = await callRoute(packages.GET, { token: home.adminToken, params: { orgId: home.org.slug, channel: "ci" } });
    expect(list.body.map((p: { filename: string }) => p.filename)).toEqual([pkg.filename]);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { resetConfig } from "@/lib/config";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { addTestMember, createTestOrg, serviceAccountOf } from "@/lib/domain/members/test-support";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { deletePackage } from "./delete-package";
import { listPackages } from "./list-packages";
import { loadRepodataText } from "./repodata";
import { packagePath, uploadsDir } from "./storage";
import { buildPackage, bytesBody, fileBody, hasCph, NO_CPH } from "./test-support";
import { uploadPackage } from "./upload-package";

useTestDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "packages-"));
let world: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const { org, admin } = await createTestOrg("Pub");
  await createChannel(admin, org.slug, { name: "main" });
  const channel = (await db().select().from(t.channels).where(eq(t.channels.orgId, org.id)))[0];
  return { org, admin, channel, sa: serviceAccountOf(org) };
}

const repodata = async (subdir: string) => JSON.parse((await loadRepodataText(db(), world.channel.id, subdir))!.text);
const code = (err: unknown) => (err instanceof AppError ? `${err.code}:${err.reason ?? ""}` : String(err));
const leftovers = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : []);

beforeAll(async () => {
  process.env.PACKAGES_DIR = dir;
  resetConfig();
  world = await setup();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.MAX_PACKAGE_BYTES;
  resetConfig();
});

describe.skipIf(!hasCph)(`uploading real packages (${hasCph ? "cph" : NO_CPH})`, () => {
  it("reads .conda and .tar.bz2 archives, hashes them and adds them to the subdir's repodata", async () => {
    const conda = buildPackage({ name: "alpha", version: "1.2.0", build: "py_0", depends: ["python >=3.8"] });
    const bz2 = buildPackage({
      name: "beta",
      version: "0.1",
      build: "h1234_1",
      subdir: "linux-64",
      format: ".tar.bz2",
      index: { build_number: 1 },
    });
    const one = await uploadPackage(
      world.admin,
      world.org.slug,
      { channel: "main", subdir: "noarch", filename: conda.filename },
      fileBody(conda.file),
    );
    const two = await uploadPackage(
      world.sa,
      world.org.slug,
      { channel: "main", subdir: "linux-64", filename: bz2.filename },
      fileBody(bz2.file),
    );

    const bytes = fs.readFileSync(conda.file);
    expect(one).toMatchObject({
      name: "alpha",
      version: "1.2.0",
      build: "py_0",
      subdir: "noarch",
      size: bytes.length,
      uploaded_by: world.admin.label,
    });
    expect(one.sha256).toBe((await import("node:crypto")).createHash("sha256").update(bytes).digest("hex"));
    expect(two.uploaded_by).toBe("ci-bot");
    expect(fs.readFileSync(packagePath(world.channel.id, "noarch", conda.filename)).equals(bytes)).toBe(true);

    const noarch = await repodata("noarch");
    expect(noarch.info).toEqual({ subdir: "noarch" });
    expect(noarch["packages.conda"][conda.filename]).toMatchObject({
      name: "alpha",
      depends: ["python >=3.8"],
      sha256: one.sha256,
      md5: one.md5,
      size: one.size,
    });
    expect((await repodata("linux-64")).packages[bz2.filename]).toMatchObject({ name: "beta", build_number: 1, subdir: "linux-64" });
    expect((await listPackages(world.admin, world.org.slug, "main")).map((p) => p.filename)).toEqual([conda.filename, bz2.filename]);
    expect(leftovers()).toEqual([]);
  });

  it("refuses a second upload of the same file name (409) until it is deleted", async () => {
    const pkg = buildPackage({ name: "gamma" });
    const target = { channel: "main", subdir: "noarch", filename: pkg.filename };
    await uploadPackage(world.admin, world.org.slug, target, fileBody(pkg.file));
    expect(code(await rejectionOf(uploadPackage(world.admin, world.org.slug, target, fileBody(pkg.file))))).toBe(
      "conflict:duplicate_package",
    );
    await deletePackage(world.admin, world.org.slug, target);
    expect((await repodata("noarch"))["packages.conda"][pkg.filename]).toBeUndefined();
    expect(fs.existsSync(packagePath(world.channel.id, "noarch", pkg.filename))).toBe(false);
    await uploadPackage(world.admin, world.org.slug, target, fileBody(pkg.file));
    expect((await repodata("noarch"))["packages.conda"][pkg.filename]).toBeTruthy();
  });

  it("two uploads at once into one subdir both land in its repodata", async () => {
    const a = buildPackage({ name: "par-a" });
    const b = buildPackage({ name: "par-b", format: ".tar.bz2" });
    await Promise.all([
      uploadPackage(world.admin, world.org.slug, { channel: "main", subdir: "noarch", filename: a.filename }, fileBody(a.file)),
      uploadPackage(world.admin, world.org.slug, { channel: "main", subdir: "noarch", filename: b.filename }, fileBody(b.file)),
    ]);
    const doc = await repodata("noarch");
    expect(doc["packages.conda"][a.filename]).toBeTruthy();
    expect(doc.packages[b.filename]).toBeTruthy();
  });

  it("refuses archives whose metadata disagrees with the file name or path, and keeps nothing", async () => {
    const cases = [
      { spec: { name: "delta", index: { name: "other" } }, subdir: "noarch" },
      { spec: { name: "delta", index: { version: "9.9" } }, subdir: "noarch" },
      { spec: { name: "delta", index: { build: "py_9" } }, subdir: "noarch" },
      { spec: { name: "delta", subdir: "linux-64" }, subdir: "osx-arm64" },
      { spec: { name: "delta", index: { depends: "python" } }, subdir: "noarch" },
    ];
    for (const { spec, subdir } of cases) {
      const pkg = buildPackage(spec);
      const err = await rejectionOf(
        uploadPackage(world.admin, world.org.slug, { channel: "main", subdir, filename: pkg.filename }, fileBody(pkg.file)),
      );
      expect(code(err), JSON.stringify(spec)).toBe("validation:metadata_mismatch");
      expect((err as Error).message).toMatch(/info\/index\.json/);
    }
    const noIndex = buildPackage({ name: "delta", noIndex: true, format: ".tar.bz2" });
    expect(
      code(
        await rejectionOf(
          uploadPackage(
            world.admin,
            world.org.slug,
            { channel: "main", subdir: "noarch", filename: noIndex.filename },
            fileBody(noIndex.file),
          ),
        ),
      ),
    ).toBe("validation:invalid_package");
    expect(await db().select().from(t.packages).where(eq(t.packages.name, "delta"))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it("refuses corrupt and truncated archives", async () => {
    const good = fs.readFileSync(buildPackage({ name: "eps" }).file);
    const goodBz2 = fs.readFileSync(buildPackage({ name: "eps", format: ".tar.bz2" }).file);
    const bodies: Array<[string, Uint8Array]> = [
      ["eps-1.0.0-0.conda", Buffer.from("not a zip at all")],
      ["eps-1.0.0-0.conda", good.subarray(0, good.length - 40)],
      ["eps-1.0.0-0.conda", Buffer.alloc(0)],
      ["eps-1.0.0-0.tar.bz2", goodBz2.subarray(0, 60)],
      ["eps-1.0.0-0.tar.bz2", Buffer.from("BZh91AY&SYgarbage-garbage-garbage")],
      ["eps-1.0.0-0.tar.bz2", good],
    ];
    for (const [filename, bytes] of bodies) {
      const err = await rejectionOf(
        uploadPackage(world.admin, world.org.slug, { channel: "main", subdir: "noarch", filename }, bytesBody(bytes)),
      );
      expect(code(err), `${filename} ${bytes.length}`).toBe("validation:invalid_package");
    }
    expect(leftovers()).toEqual([]);
  });

  it("refuses files over MAX_PACKAGE_BYTES with 413, by declared size or while streaming", async () => {
    const pkg = buildPackage({ name: "zeta" });
    process.env.MAX_PACKAGE_BYTES = "100";
    resetConfig();
    try {
      const target = { channel: "main", subdir: "noarch", filename: pkg.filename };
      expect(code(await rejectionOf(uploadPackage(world.admin, world.org.slug, target, fileBody(pkg.file))))).toBe(
        "too_large:package_too_large",
      );
      expect(
        code(await rejectionOf(uploadPackage(world.admin, world.org.slug, target, fileBody(pkg.file), { declaredSize: 10_000 }))),
      ).toBe("too_large:package_too_large");
    } finally {
      delete process.env.MAX_PACKAGE_BYTES;
      resetConfig();
    }
    expect(leftovers()).toEqual([]);
  });
});

describe("uploads refused before reading the body", () => {
  const never = async function* () {
    throw new Error("the body must not be read");
  };
  it("refuses bad file names, subdirs, unknown channels and callers without channels.manage", async () => {
    const up = (
      actor = world.admin as Parameters<typeof uploadPackage>[0],
      channel = "main",
      subdir = "noarch",
      filename = "ok-1.0-0.conda",
    ) => rejectionOf(uploadPackage(actor, world.org.slug, { channel, subdir, filename }, never()));
    expect(code(await up(world.admin, "main", "noarch", "ok.conda"))).toBe("validation:invalid_filename");
    expect(code(await up(world.admin, "main", "noarch", "ok-1.0-0.zip"))).toBe("validation:invalid_filename");
    expect(code(await up(world.admin, "main", "noarch", "../x-1.0-0.conda"))).toBe("validation:invalid_filename");
    expect(code(await up(world.admin, "main", "linux-65"))).toBe("validation:invalid_subdir");
    expect(code(await up(world.admin, "nope"))).toBe("not_found:");
    const member = await addTestMember(world.org, "member");
    const billing = await addTestMember(world.org, "billing_manager");
    expect(code(await up(member))).toBe("forbidden:");
    expect(code(await up(billing))).toBe("forbidden:");
    const other = await createTestOrg("Other");
    expect(code(await up(other.admin))).toBe("not_found:");
    expect(code(await up(serviceAccountOf(other.org)))).toBe("not_found:");
  });
});

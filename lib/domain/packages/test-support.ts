// Test-only: real conda packages, built by Debian's conda-package-handling (`cph`), the tool
// made for it. scripts/lib/ensure.sh installs it; tests that need it skip, saying why, without it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const hasCph = spawnSync("cph", ["--version"]).status === 0;
export const NO_CPH =
  "conda-package-handling (cph) is not installed: apt-get install conda-package-handling (scripts/lib/ensure.sh does it)";

export type PackageSpec = {
  name: string;
  version?: string;
  build?: string;
  subdir?: string;
  format?: ".conda" | ".tar.bz2";
  depends?: string[];
  /** Fields written into info/index.json over the ones derived from the spec (mismatch tests). */
  index?: Record<string, unknown>;
  /** Leave info/index.json out of the archive. */
  noIndex?: boolean;
};

/**
 * Builds a real package and returns its path and file name. cph takes seconds per package here,
 * so identical specs share one build (kept under the system's temp folder, keyed by the spec).
 */
export function buildPackage(spec: PackageSpec) {
  const { name, version = "1.0.0", build = "0", subdir = "noarch", format = ".conda", depends = [] } = spec;
  const filename = `${name}-${version}-${build}${format}`;
  const outDir = path.join(os.tmpdir(), "cph-cache", createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 16));
  if (fs.existsSync(path.join(outDir, filename))) return { file: path.join(outDir, filename), filename, subdir };
  fs.mkdirSync(outDir, { recursive: true });
  const src = fs.mkdtempSync(path.join(os.tmpdir(), "pkg-src-"));
  fs.mkdirSync(path.join(src, "info"));
  fs.mkdirSync(path.join(src, "share"));
  fs.writeFileSync(path.join(src, "share", `${name}.txt`), `${name} ${version}\n`);
  const index = {
    name,
    version,
    build,
    build_number: 0,
    depends,
    subdir,
    license: "MIT",
    timestamp: 1_700_000_000_000,
    ...(subdir === "noarch" ? { noarch: "generic" } : {}),
    ...spec.index,
  };
  if (!spec.noIndex) fs.writeFileSync(path.join(src, "info", "index.json"), JSON.stringify(index));
  fs.writeFileSync(
    path.join(src, "info", "paths.json"),
    JSON.stringify({ paths: [{ _path: `share/${name}.txt`, path_type: "hardlink" }], paths_version: 1 }),
  );
  // Built beside, then renamed: a concurrent test file never sees a half-written package.
  const tmpOut = fs.mkdtempSync(path.join(os.tmpdir(), "pkg-out-"));
  const run = spawnSync("cph", ["create", src, filename, "--out-folder", tmpOut], { encoding: "utf8" });
  fs.rmSync(src, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`cph create failed: ${run.stderr}`);
  fs.renameSync(path.join(tmpOut, filename), path.join(outDir, filename));
  fs.rmSync(tmpOut, { recursive: true, force: true });
  return { file: path.join(outDir, filename), filename, subdir };
}

/** A file as an upload body. */
export async function* fileBody(file: string): AsyncIterable<Uint8Array> {
  yield* fs.createReadStream(file);
}

export async function* bytesBody(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

import { isSubdir } from "@/lib/validation/channels";

export type PackageFormat = ".conda" | ".tar.bz2";
export type ParsedFilename = { name: string; version: string; build: string; format: PackageFormat };

// conda file names are <name>-<version>-<build><ext>; version and build never contain "-".
const FILENAME = /^([a-z0-9_][a-z0-9_.+-]*)-([^-/\\]+)-([^-/\\]+)(\.conda|\.tar\.bz2)$/;

/** Name, version and build from a package file name; null when it is not a conda package name. */
export function parsePackageFilename(filename: string): ParsedFilename | null {
  if (typeof filename !== "string" || filename.length > 255) return null;
  const m = FILENAME.exec(filename);
  if (!m) return null;
  const [, name, version, build, format] = m;
  if (!/^[\w.+!*]+$/.test(version) || !/^[\w.+]+$/.test(build)) return null;
  return { name, version, build, format: format as PackageFormat };
}

export { isSubdir };

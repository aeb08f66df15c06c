import { AppError } from "@/lib/errors";
import type { ParsedFilename } from "./package-filename";

const mismatch = (message: string) => new AppError("validation", message, undefined, "metadata_mismatch");

/**
 * The archive's own metadata must say what the file name and path say: a package named one thing
 * and containing another would install something nobody uploaded on purpose.
 */
export function checkIndex(index: Record<string, unknown>, parsed: ParsedFilename, subdir: string): Record<string, unknown> {
  for (const field of ["name", "version", "build", "subdir"] as const) {
    if (typeof index[field] !== "string") throw mismatch(`info/index.json has no ${field}.`);
  }
  const expected = { name: parsed.name, version: parsed.version, build: parsed.build, subdir };
  for (const field of ["name", "version", "build", "subdir"] as const) {
    if (index[field] !== expected[field]) {
      throw mismatch(
        `info/index.json says ${field} "${String(index[field])}", but the ${field === "subdir" ? "path" : "file name"} says "${expected[field]}".`,
      );
    }
  }
  const buildNumber = index.build_number ?? 0;
  if (!Number.isInteger(buildNumber)) throw mismatch("info/index.json has a build_number that is not a whole number.");
  const depends = index.depends ?? [];
  if (!Array.isArray(depends) || depends.some((d) => typeof d !== "string"))
    throw mismatch("info/index.json has depends that are not a list of strings.");
  return { ...index, build_number: buildNumber, depends };
}

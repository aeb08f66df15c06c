import type { PackageRow } from "@/db/schema";

/** A package as the API and the channel page show it. */
export const toPackageJson = (row: PackageRow) => ({
  filename: row.filename,
  subdir: row.subdir,
  name: row.name,
  version: row.version,
  build: row.build,
  size: row.size,
  sha256: row.sha256,
  md5: row.md5,
  uploaded_by: row.uploadedByLabel,
  uploaded_at: row.createdAt.toISOString(),
  downloads: row.downloads,
});

export type PackageJson = ReturnType<typeof toPackageJson>;

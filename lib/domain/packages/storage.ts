import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

/** Where an org channel's files live: PACKAGES_DIR/<channel id>/<subdir>/<file name>. */
export const packagesDir = () => config().packagesDir;
export const channelDir = (channelId: string, root = packagesDir()) => path.join(root, channelId);
export const packagePath = (channelId: string, subdir: string, filename: string, root = packagesDir()) =>
  path.join(root, channelId, subdir, filename);
/** Uploads in progress: inside PACKAGES_DIR, so the final rename never crosses file systems. */
export const uploadsDir = (root = packagesDir()) => path.join(root, ".uploads");

export async function removeChannelFiles(channelId: string) {
  await fs.promises.rm(channelDir(channelId), { recursive: true, force: true }).catch((err: unknown) => {
    console.error(JSON.stringify({ level: "warn", msg: "could not remove a deleted channel's files", channelId, err: String(err) }));
  });
}

export async function removeFile(file: string) {
  await fs.promises.rm(file, { force: true }).catch(() => {});
}

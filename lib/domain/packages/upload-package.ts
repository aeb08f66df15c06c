import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { db, t, type Queryable } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { config } from "@/lib/config";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordActivity } from "../activity/record-activity";
import { loadChannel } from "../channels/load-channel";
import { loadOrgAccess } from "../organizations/org-access";
import { readIndexJson } from "./archive";
import { toPackageJson } from "./package-json";
import { isSubdir, parsePackageFilename, type ParsedFilename } from "./package-filename";
import { receiveUpload, tooLarge } from "./receive-upload";
import { touchRepodata } from "./repodata";
import { packagePath, removeFile } from "./storage";
import { checkIndex } from "./check-index";

/** Without a subdir (browser uploads), the archive's own info/index.json names it. */
export type UploadTarget = { channel: string; subdir?: string; filename: string };

const duplicate = (filename: string) =>
  new AppError("conflict", `${filename} is already in this channel. Delete it first to upload it again.`, undefined, "duplicate_package");

/** Everything that can be refused before a byte is read: rights, channel, path, size, duplicate. */
async function preflight(q: Queryable, actor: Actor, orgSlug: string, target: UploadTarget, declaredSize?: number) {
  const { org } = await loadOrgAccess(actor, orgSlug, "channels.manage", q);
  const channel = await loadChannel(q, org.id, target.channel);
  if (target.subdir !== undefined && !isSubdir(target.subdir)) {
    throw new AppError(
      "validation",
      `${target.subdir} is not a platform subdir (e.g. noarch, linux-64, osx-arm64, win-64).`,
      undefined,
      "invalid_subdir",
    );
  }
  const parsed = parsePackageFilename(target.filename);
  if (!parsed) {
    throw new AppError("validation", "The file name must be <name>-<version>-<build>.conda or .tar.bz2.", undefined, "invalid_filename");
  }
  if (declaredSize !== undefined && declaredSize > config().maxPackageBytes) throw tooLarge(config().maxPackageBytes);
  if (target.subdir !== undefined) {
    const [existing] = await q
      .select({ id: t.packages.id })
      .from(t.packages)
      .where(and(eq(t.packages.channelId, channel.id), eq(t.packages.subdir, target.subdir), eq(t.packages.filename, target.filename)))
      .limit(1);
    if (existing) throw duplicate(target.filename);
  }
  return { org, channel, parsed };
}

/**
 * Publishes one package: the body is streamed to a temporary file while hashed, its
 * info/index.json is read from the archive and must agree with the file name and path, then the
 * package row (its repodata record) and the subdir's repodata revision are written in one transaction and the file is moved
 * into place before it commits (a failed commit removes it again).
 */
export async function uploadPackage(
  actor: Actor,
  orgSlug: string,
  target: UploadTarget,
  body: AsyncIterable<Uint8Array>,
  opts: { declaredSize?: number } = {},
) {
  const { parsed } = await preflight(db(), actor, orgSlug, target, opts.declaredSize);
  const received = await receiveUpload(body, config().maxPackageBytes);
  let placed: string | null = null;
  try {
    const index = await readIndexJson(received.file, parsed.format);
    const subdir = target.subdir ?? (typeof index.subdir === "string" && isSubdir(index.subdir) ? index.subdir : null);
    if (!subdir) throw new AppError("validation", "info/index.json names no known platform subdir.", undefined, "metadata_mismatch");
    const record = { ...checkIndex(index, parsed, subdir), size: received.size, sha256: received.sha256, md5: received.md5 };
    return await db().transaction(async (tx) => {
      const { org, channel } = await preflight(tx, actor, orgSlug, { ...target, subdir });
      const [row] = await tx
        .insert(t.packages)
        .values({
          channelId: channel.id,
          orgId: org.id,
          subdir: subdir,
          filename: target.filename,
          name: parsed.name,
          version: parsed.version,
          build: parsed.build,
          size: received.size,
          sha256: received.sha256,
          md5: received.md5,
          record,
          uploadedBy: actor.kind === "user" ? actor.userId : null,
          uploadedByLabel: actor.kind === "anonymous" ? null : actor.label,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw duplicate(target.filename);
      await touchRepodata(tx, channel.id, subdir);
      await recordActivity(tx, actor, {
        orgId: org.id,
        action: "package.uploaded",
        target: { type: "package", id: row.id, label: `${channel.name}/${subdir}/${target.filename}` },
        metadata: { channel: channel.name, size: received.size, sha256: received.sha256 },
      });
      const final = packagePath(channel.id, subdir, target.filename);
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      await fs.promises.rename(received.file, final);
      placed = final;
      return toPackageJson(row);
    });
  } catch (err) {
    if (placed) await removeFile(placed);
    if (isUniqueViolation(err)) throw duplicate(target.filename);
    throw err;
  } finally {
    await removeFile(received.file);
  }
}

export type { ParsedFilename };

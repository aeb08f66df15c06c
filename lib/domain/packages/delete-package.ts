import { and, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { notFound } from "@/lib/errors";
import { recordActivity } from "../activity/record-activity";
import { loadChannel } from "../channels/load-channel";
import { loadOrgAccess } from "../organizations/org-access";
import { touchRepodata } from "./repodata";
import { packagePath, removeFile } from "./storage";

/** Removes a package from its channel and repodata; the file goes once that has committed. */
export async function deletePackage(actor: Actor, orgSlug: string, target: { channel: string; subdir: string; filename: string }) {
  const removed = await db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "channels.manage", tx);
    const channel = await loadChannel(tx, org.id, target.channel);
    const [row] = await tx
      .delete(t.packages)
      .where(
        and(
          eq(t.packages.channelId, channel.id),
          eq(t.packages.subdir, String(target.subdir)),
          eq(t.packages.filename, String(target.filename)),
        ),
      )
      .returning();
    if (!row) throw notFound("Package not found in this channel.");
    await touchRepodata(tx, channel.id, row.subdir);
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "package.deleted",
      target: { type: "package", id: row.id, label: `${channel.name}/${row.subdir}/${row.filename}` },
      metadata: { channel: channel.name },
    });
    return { channelId: channel.id, row };
  });
  await removeFile(packagePath(removed.channelId, removed.row.subdir, removed.row.filename));
}

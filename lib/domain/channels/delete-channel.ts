import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { removeChannelFiles } from "../packages/storage";
import { loadChannel } from "./load-channel";

/** Deletes a channel, its packages and their files. The files go after the commit, never before. */
export async function deleteChannel(actor: Actor, orgSlug: string, channelName: string) {
  const channel = await db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "channels.manage", tx);
    const found = await loadChannel(tx, org.id, channelName, { forUpdate: true });
    await tx.delete(t.channels).where(eq(t.channels.id, found.id));
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "channel.deleted",
      target: { type: "channel", id: found.id, label: found.name },
    });
    return found;
  });
  await removeChannelFiles(channel.id);
}

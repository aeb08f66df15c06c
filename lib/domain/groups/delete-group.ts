import { eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { loadGroup } from "./load-group";

/** Deletes a group; its members and channel links go with it (channels it opened close to them). */
export async function deleteGroup(actor: Actor, orgSlug: string, groupId: string) {
  await db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "groups.manage", tx);
    const group = await loadGroup(tx, org.id, groupId);
    await tx.delete(t.groups).where(eq(t.groups.id, group.id));
    await recordActivity(tx, actor, { orgId: org.id, action: "group.deleted", target: { type: "group", id: group.id, label: group.name } });
  });
}

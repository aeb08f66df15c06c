import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { t, type Queryable } from "@/db";
import { AppError, notFound } from "@/lib/errors";

export const groupNotFound = () => notFound("Group not found in this organization.");
export const groupNameTaken = () =>
  new AppError(
    "conflict",
    "A group with this name already exists.",
    { name: "This organization already has a group with this name." },
    "duplicate_group",
  );

/** A group of this org by id; another org's group, or anything that is not an id, is not found. */
export async function loadGroup(q: Queryable, orgId: string, groupId: string) {
  if (!z.uuid().safeParse(groupId).success) throw groupNotFound();
  const [group] = await q
    .select()
    .from(t.groups)
    .where(and(eq(t.groups.orgId, orgId), eq(t.groups.id, groupId)))
    .limit(1);
  if (!group) throw groupNotFound();
  return group;
}

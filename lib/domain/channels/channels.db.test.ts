import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "@/db";
import { addGroupMembers, removeGroupMembers } from "@/lib/domain/groups/group-members";
import { createGroup } from "@/lib/domain/groups/create-group";
import { deleteGroup } from "@/lib/domain/groups/delete-group";
import { listGroupMembers, listGroups } from "@/lib/domain/groups/list-groups";
import { renameGroup } from "@/lib/domain/groups/rename-group";
import { leaveOrganization } from "@/lib/domain/members/leave-organization";
import { addTestMember, createTestOrg, giveSubscription, serviceAccountOf } from "@/lib/domain/members/test-support";
import { setSeat } from "@/lib/domain/tokens/member/test-support";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { rejectionOf } from "@/test/factories";
import { createChannel } from "./create-channel";
import { deleteChannel } from "./delete-channel";
import { getChannel } from "./get-channel";
import { listChannels } from "./list-channels";
import { updateChannel } from "./update-channel";

useTestDatabase();
const code = (err: unknown) => (err instanceof AppError ? `${err.code}:${err.reason ?? ""}` : String(err));

async function world() {
  const { org, admin } = await createTestOrg("Chn");
  await giveSubscription(org, 10);
  const inGroup = await addTestMember(org, "member");
  const outside = await addTestMember(org, "member");
  const billing = await addTestMember(org, "billing_manager");
  const unseated = await addTestMember(org, "member");
  for (const u of [inGroup, outside, billing]) await setSeat(org, u.userId, true);
  const group = await createGroup(admin, org.slug, { name: "Data Science" });
  await addGroupMembers(admin, org.slug, group.id, { user_ids: [inGroup.userId] });
  await createChannel(admin, org.slug, { name: "public", description: "For everyone" });
  await createChannel(admin, org.slug, { name: "private", access: "groups", group_ids: [group.id] });
  return { org, admin, inGroup, outside, billing, unseated, group };
}

const names = (list: Array<{ name: string }>) => list.map((c) => c.name);

describe("channels", () => {
  it("shows each reader only the channels the rule lets them read", async () => {
    const w = await world();
    expect(names(await listChannels(w.admin, w.org.slug))).toEqual(["private", "public"]);
    expect(names(await listChannels(serviceAccountOf(w.org), w.org.slug))).toEqual(["private", "public"]);
    expect(names(await listChannels(w.inGroup, w.org.slug))).toEqual(["private", "public"]);
    expect(names(await listChannels(w.outside, w.org.slug))).toEqual(["public"]);
    expect(names(await listChannels(w.billing, w.org.slug))).toEqual(["public"]);
    expect(names(await listChannels(w.unseated, w.org.slug))).toEqual([]);
    expect(code(await rejectionOf(getChannel(w.outside, w.org.slug, "private")))).toBe("forbidden:");
    expect(code(await rejectionOf(getChannel(w.unseated, w.org.slug, "public")))).toBe("forbidden:");
    expect((await getChannel(w.inGroup, w.org.slug, "private")).json.groups).toEqual([{ id: w.group.id, name: "Data Science" }]);
    // Another org's channel is not found, exactly like a made-up name.
    const other = await createTestOrg("Else");
    expect(code(await rejectionOf(getChannel(other.admin, other.org.slug, "private")))).toBe("not_found:");
    expect(code(await rejectionOf(getChannel(w.admin, w.org.slug, "made-up")))).toBe("not_found:");
  });

  it("validates names, refuses duplicates and other orgs' groups, and lets only admins and service accounts manage", async () => {
    const w = await world();
    expect(code(await rejectionOf(createChannel(w.admin, w.org.slug, { name: "Upper" })))).toBe("validation:");
    expect(code(await rejectionOf(createChannel(w.admin, w.org.slug, { name: "-x" })))).toBe("validation:");
    expect(code(await rejectionOf(createChannel(w.admin, w.org.slug, { name: "x".repeat(65) })))).toBe("validation:");
    expect(code(await rejectionOf(createChannel(w.admin, w.org.slug, { name: "public" })))).toBe("conflict:duplicate_channel");
    const other = await createTestOrg("Else");
    const foreign = await createGroup(other.admin, other.org.slug, { name: "Theirs" });
    expect(code(await rejectionOf(createChannel(w.admin, w.org.slug, { name: "g", access: "groups", group_ids: [foreign.id] })))).toBe(
      "validation:unknown_group",
    );
    for (const who of [w.inGroup, w.billing]) {
      expect(code(await rejectionOf(createChannel(who, w.org.slug, { name: "mine" })))).toBe("forbidden:");
      expect(code(await rejectionOf(updateChannel(who, w.org.slug, "public", { description: "x" })))).toBe("forbidden:");
      expect(code(await rejectionOf(deleteChannel(who, w.org.slug, "public")))).toBe("forbidden:");
      expect(code(await rejectionOf(createGroup(who, w.org.slug, { name: "Mine" })))).toBe("forbidden:");
    }
    expect(code(await rejectionOf(deleteChannel(other.admin, w.org.slug, "public")))).toBe("not_found:");
    const sa = serviceAccountOf(w.org);
    await createChannel(sa, w.org.slug, { name: "ci" });
    await updateChannel(sa, w.org.slug, "ci", { access: "groups", group_ids: [w.group.id], description: "CI builds" });
    expect(names(await listChannels(w.outside, w.org.slug))).toEqual(["public"]);
    await deleteChannel(w.admin, w.org.slug, "ci");
    expect(names(await listChannels(w.admin, w.org.slug))).toEqual(["private", "public"]);
  });

  it("opens and closes a group channel as members join and leave the group, the org, or the group is deleted", async () => {
    const w = await world();
    await addGroupMembers(w.admin, w.org.slug, w.group.id, { user_ids: [w.outside.userId, w.billing.userId, w.outside.userId] });
    expect(names(await listChannels(w.outside, w.org.slug))).toEqual(["private", "public"]);
    expect(names(await listChannels(w.billing, w.org.slug))).toEqual(["private", "public"]);
    expect((await listGroups(w.admin, w.org.slug))[0].member_count).toBe(3);
    await removeGroupMembers(w.admin, w.org.slug, w.group.id, { user_ids: [w.outside.userId] });
    expect(names(await listChannels(w.outside, w.org.slug))).toEqual(["public"]);
    await leaveOrganization(w.billing, w.org.slug);
    expect(
      await db()
        .select()
        .from(t.groupMembers)
        .where(and(eq(t.groupMembers.groupId, w.group.id), eq(t.groupMembers.userId, w.billing.userId))),
    ).toEqual([]);
    await renameGroup(w.admin, w.org.slug, w.group.id, { name: "Renamed" });
    expect((await listGroupMembers(w.admin, w.org.slug, w.group.id)).members.map((m) => m.user_id)).toEqual([w.inGroup.userId]);
    await deleteGroup(w.admin, w.org.slug, w.group.id);
    expect(names(await listChannels(w.inGroup, w.org.slug))).toEqual(["public"]);
  });

  it("refuses group members from outside the org, duplicate group names and other orgs' groups", async () => {
    const w = await world();
    const other = await createTestOrg("Else");
    expect(code(await rejectionOf(addGroupMembers(w.admin, w.org.slug, w.group.id, { user_ids: [other.admin.userId] })))).toBe("validation:not_a_member");
    expect(code(await rejectionOf(createGroup(w.admin, w.org.slug, { name: "data science" })))).toBe("conflict:duplicate_group");
    expect(code(await rejectionOf(deleteGroup(other.admin, other.org.slug, w.group.id)))).toBe("not_found:");
    expect(code(await rejectionOf(deleteGroup(w.admin, w.org.slug, "not-a-uuid")))).toBe("not_found:");
    expect(code(await rejectionOf(addGroupMembers(w.admin, w.org.slug, w.group.id, { user_ids: [] })))).toBe("validation:");
  });
});

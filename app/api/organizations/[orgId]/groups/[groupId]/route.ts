import { deleteGroup } from "@/lib/domain/groups/delete-group";
import { listGroupMembers } from "@/lib/domain/groups/list-groups";
import { renameGroup } from "@/lib/domain/groups/rename-group";
import { orgApiRoute } from "@/lib/http/api-handler";
import { updateGroupSchema } from "@/lib/validation/channels";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/groups/{groupId}
export const GET = orgApiRoute({ permission: "groups.manage" }, async ({ actor, access, params }) => {
  const { group, members } = await listGroupMembers(actor, access.org.slug, params.groupId);
  return { status: 200, body: { ...group, member_count: members.length } };
});

// PATCH /api/organizations/{orgId}/groups/{groupId}
export const PATCH = orgApiRoute({ permission: "groups.manage", body: updateGroupSchema }, async ({ actor, access, params, input }) => {
  await renameGroup(actor, access.org.slug, params.groupId, input);
  const { group, members } = await listGroupMembers(actor, access.org.slug, params.groupId);
  return { status: 200, body: { ...group, member_count: members.length } };
});

// DELETE /api/organizations/{orgId}/groups/{groupId}
export const DELETE = orgApiRoute({ permission: "groups.manage" }, async ({ actor, access, params }) => {
  await deleteGroup(actor, access.org.slug, params.groupId);
  return { status: 204 };
});

const other = methodNotAllowed("GET, PATCH, DELETE");
export { other as POST, other as PUT };

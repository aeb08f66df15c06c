import { addGroupMembers, removeGroupMembers } from "@/lib/domain/groups/group-members";
import { listGroupMembers } from "@/lib/domain/groups/list-groups";
import { orgApiRoute } from "@/lib/http/api-handler";
import { groupMembersSchema } from "@/lib/validation/channels";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/groups/{groupId}/members
export const GET = orgApiRoute({ permission: "groups.manage" }, async ({ actor, access, params }) => ({
  status: 200,
  body: (await listGroupMembers(actor, access.org.slug, params.groupId)).members,
}));

// POST /api/organizations/{orgId}/groups/{groupId}/members
export const POST = orgApiRoute({ permission: "groups.manage", body: groupMembersSchema }, async ({ actor, access, params, input }) => ({
  status: 200,
  body: await addGroupMembers(actor, access.org.slug, params.groupId, input),
}));

// DELETE /api/organizations/{orgId}/groups/{groupId}/members
export const DELETE = orgApiRoute({ permission: "groups.manage", body: groupMembersSchema }, async ({ actor, access, params, input }) => ({
  status: 200,
  body: await removeGroupMembers(actor, access.org.slug, params.groupId, input),
}));

const other = methodNotAllowed("GET, POST, DELETE");
export { other as PUT, other as PATCH };

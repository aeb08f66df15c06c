import { createGroup } from "@/lib/domain/groups/create-group";
import { listGroups } from "@/lib/domain/groups/list-groups";
import { orgApiRoute } from "@/lib/http/api-handler";
import { createGroupSchema } from "@/lib/validation/channels";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/groups
export const GET = orgApiRoute({ permission: "groups.manage" }, async ({ actor, access }) => ({
  status: 200,
  body: await listGroups(actor, access.org.slug),
}));

// POST /api/organizations/{orgId}/groups
export const POST = orgApiRoute({ permission: "groups.manage", body: createGroupSchema }, async ({ actor, access, input }) => ({
  status: 201,
  body: await createGroup(actor, access.org.slug, input),
}));

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };

import { removeMember } from "@/lib/domain/members/remove-member";
import { orgApiRoute } from "@/lib/http/api-handler";
import { userIdParam } from "@/lib/http/params";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// DELETE /api/organizations/{orgId}/users/{userId}
export const DELETE = orgApiRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await removeMember(actor, access.org.slug, { userId: userIdParam(params) });
  return { status: 204 };
});

const other = methodNotAllowed("DELETE");
export { other as GET, other as POST, other as PUT, other as PATCH };

import { removeMember } from "@/lib/domain/members/remove-member";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";

// DELETE /api/v1/organizations/{org_id}/users/{user_id} (remove_user)
export const DELETE = v1OrgRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await removeMember(actor, access.org.slug, { userId: params.user_id });
  return { status: 204 };
});

const other = v1MethodNotAllowed("DELETE");
export { other as GET, other as POST, other as PUT, other as PATCH };

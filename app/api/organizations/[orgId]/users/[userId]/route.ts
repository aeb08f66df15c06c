import { removeMember } from "@/lib/domain/members/remove-member";
import { orgApiRoute } from "@/lib/http/api-handler";
import { userIdParam } from "@/lib/http/params";

// DELETE /api/organizations/{orgId}/users/{userId}
export const DELETE = orgApiRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await removeMember(actor, access.org.slug, { userId: userIdParam(params) });
  return { status: 204 };
});

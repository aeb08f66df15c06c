import { revokeTokenById } from "@/lib/domain/tokens/member/revoke-token-by-id";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";

// DELETE /api/v1/organizations/{org_id}/users/{user_id}/tokens/{token_id} (revoke_user_token)
export const DELETE = v1OrgRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await revokeTokenById(actor, access.org.slug, { userId: params.user_id, tokenId: params.token_id });
  return { status: 204 };
});

const other = v1MethodNotAllowed("DELETE");
export { other as GET, other as POST, other as PUT, other as PATCH };

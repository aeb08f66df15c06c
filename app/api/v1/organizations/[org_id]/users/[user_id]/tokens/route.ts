import { listMemberTokens } from "@/lib/domain/tokens/member/list-member-tokens";
import { toV1Token } from "@/lib/http/v1/map";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";

// GET /api/v1/organizations/{org_id}/users/{user_id}/tokens (list_user_tokens)
export const GET = v1OrgRoute({ permission: "members.manage" }, async ({ actor, access, params }) => ({
  status: 200,
  body: { items: (await listMemberTokens(actor, access.org.slug, { userId: params.user_id })).map(toV1Token) },
}));

const other = v1MethodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

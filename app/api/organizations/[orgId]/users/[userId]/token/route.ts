import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { revokeToken } from "@/lib/domain/tokens/member/revoke-token";
import { syncToken } from "@/lib/domain/tokens/member/sync-token";
import { orgApiRoute } from "@/lib/http/api-handler";
import { userIdParam } from "@/lib/http/params";
import { apiIssueTokenSchema } from "@/lib/validation/api-tokens";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/organizations/{orgId}/users/{userId}/token
export const POST = orgApiRoute({ permission: "members.manage", body: apiIssueTokenSchema }, async ({ actor, access, params, input }) => {
  const issued = await issueToken(actor, access.org.slug, { userId: userIdParam(params), expiresAt: input.expires_at?.toISOString() });
  return { status: 201, body: { token: issued.token, expires_at: issued.expiresAt.toISOString() } };
});

// PATCH /api/organizations/{orgId}/users/{userId}/token
export const PATCH = orgApiRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  const synced = await syncToken(actor, access.org.slug, { userId: userIdParam(params) });
  return { status: 200, body: { expires_at: synced.expiresAt.toISOString() } };
});

// DELETE /api/organizations/{orgId}/users/{userId}/token
export const DELETE = orgApiRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await revokeToken(actor, access.org.slug, { userId: userIdParam(params) });
  return { status: 204 };
});

const other = methodNotAllowed("POST, PATCH, DELETE");
export { other as GET, other as PUT };

import { issueToken } from "@/lib/domain/tokens/member/issue-token";
import { syncToken } from "@/lib/domain/tokens/member/sync-token";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";
import { v1CreateTokenSchema, v1UpdateTokenSchema } from "@/lib/validation/v1";

// POST /api/v1/organizations/{org_id}/users/{user_id}/token (create_user_token)
export const POST = v1OrgRoute({ permission: "members.manage", body: v1CreateTokenSchema }, async ({ actor, access, params, input }) => {
  const issued = await issueToken(actor, access.org.slug, {
    userId: params.user_id,
    expiresAt: input.expires_at.toISOString(),
    graceMonths: input.expiration_tolerance_months,
    clampToPeriod: true,
    sendEmail: input.send_token_email,
  });
  return { status: 200, body: { token: issued.token, expires_at: issued.expiresAt.toISOString() } };
});

// PATCH /api/v1/organizations/{org_id}/users/{user_id}/token (update_user_token)
export const PATCH = v1OrgRoute({ permission: "members.manage", body: v1UpdateTokenSchema }, async ({ actor, access, params, input }) => {
  const synced = await syncToken(actor, access.org.slug, {
    userId: params.user_id,
    // A renewal (or no date) follows the subscription's period end; v1 ignores expires_at then.
    expiresAt: input.is_renewal || !input.expires_at ? undefined : input.expires_at.toISOString(),
    graceMonths: input.expiration_tolerance_months,
  });
  return { status: 200, body: { expires_at: synced.expiresAt.toISOString() } };
});

const other = v1MethodNotAllowed("POST, PATCH");
export { other as GET, other as PUT, other as DELETE };

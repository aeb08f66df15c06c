import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { orgApiRoute } from "@/lib/http/api-handler";
import { decodeCursor, encodeCursor } from "@/lib/http/params";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/invitations?q=&cursor=
export const GET = orgApiRoute({ permission: "invitations.manage" }, async ({ actor, access, url }) => {
  const page = decodeCursor(url.searchParams.get("cursor"));
  const result = await listInvitations(actor, access.org.slug, { q: url.searchParams.get("q") ?? "", page });
  const more = result.page * result.pageSize < result.total;
  return {
    status: 200,
    body: {
      data: result.rows.map((r) => ({
        id: r.id,
        email: r.email,
        status: r.status,
        invited_by: r.invitedBy,
        sent_at: r.sentAt,
        expires_at: r.expiresAt,
      })),
      total: result.total,
      next_cursor: more ? encodeCursor(result.page + 1) : null,
    },
  };
});

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

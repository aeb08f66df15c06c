import { inviteMembers } from "@/lib/domain/invitations/invite-members";
import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { orgApiRoute } from "@/lib/http/api-handler";
import { decodeCursor, encodeCursor } from "@/lib/http/params";
import { inviteRequestSchema } from "@/lib/validation/invitations";

// POST /api/organizations/{orgId}/invitations   { emails, role?, assign_seat? }
export const POST = orgApiRoute({ permission: "invitations.manage", body: inviteRequestSchema }, async ({ actor, access, input }) => ({
  status: 200,
  body: await inviteMembers(actor, access.org.slug, { emails: input.emails, role: input.role, assignSeat: input.assign_seat }),
}));
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
        role: r.role,
        assign_seat: r.withSeat,
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

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };

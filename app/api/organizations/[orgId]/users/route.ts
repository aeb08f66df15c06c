import { addOrgUser } from "@/lib/domain/api-users/add-org-user";
import { listMembers } from "@/lib/domain/members/list-members";
import { orgApiRoute } from "@/lib/http/api-handler";
import { decodeCursor, encodeCursor } from "@/lib/http/params";
import { addOrgUserSchema } from "@/lib/validation/api-users";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/organizations/{orgId}/users
// An existing account is invited instead of added: 202 with {"invited": true, ...}.
export const POST = orgApiRoute({ permission: "members.manage", body: addOrgUserSchema }, async ({ actor, access, input }) => {
  const body = await addOrgUser(actor, access.org.slug, input);
  return { status: "invited" in body ? 202 : 201, body };
});

// GET /api/organizations/{orgId}/users?q=&role=&seat=yes|no&cursor=
export const GET = orgApiRoute({ permission: "members.read" }, async ({ actor, access, url }) => {
  const q = url.searchParams;
  const page = await listMembers(actor, access.org.slug, {
    q: q.get("q") ?? "",
    role: (q.get("role") ?? undefined) as never,
    seat: (q.get("seat") ?? undefined) as never,
    sort: "joined",
    dir: "asc",
    page: decodeCursor(q.get("cursor")),
    pageSize: 100,
  });
  const more = page.page * page.pageSize < page.total;
  return {
    status: 200,
    body: {
      data: page.rows.map((r) => ({
        id: r.userId,
        name: r.name,
        email: r.email,
        role: r.role,
        seat: r.seat,
        joined_at: r.joinedAt,
        token: r.token.state === "none" ? null : { status: r.token.state, expires_at: r.token.expiresAt },
      })),
      total: page.total,
      next_cursor: more ? encodeCursor(page.page + 1) : null,
    },
  };
});

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };

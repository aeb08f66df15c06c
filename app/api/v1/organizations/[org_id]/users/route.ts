import { addOrgUser } from "@/lib/domain/api-users/add-org-user";
import { listAllMembers } from "@/lib/domain/members/list-all-members";
import { listMemberGroups } from "@/lib/domain/groups/list-member-groups";
import { toV1Group, toV1User } from "@/lib/http/v1/map";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";
import { v1AddUserSchema, v1QueryBoolean } from "@/lib/validation/v1";
import { z } from "zod";

// POST /api/v1/organizations/{org_id}/users (add_user)
export const POST = v1OrgRoute({ permission: "members.manage", body: v1AddUserSchema }, async ({ actor, access, input }) => {
  const added = await addOrgUser(actor, access.org.slug, input);
  // An existing account is invited rather than added; v1 has one answer, so its id is then the invitation's.
  const id = "invitation_id" in added ? String(added.invitation_id) : added.id;
  return { status: 200, body: { id, email: added.email, first_name: added.first_name, last_name: added.last_name } };
});

// GET /api/v1/organizations/{org_id}/users?include_groups= (list_users)
export const GET = v1OrgRoute(
  { permission: "members.read", query: z.object({ include_groups: v1QueryBoolean(false) }) },
  async ({ actor, access, query }) => {
    const [rows, groups] = await Promise.all([
      listAllMembers(actor, access.org.slug),
      query.include_groups ? listMemberGroups(actor, access.org.slug) : null,
    ]);
    return {
      status: 200,
      body: { items: rows.map((row) => toV1User(row, groups ? (groups.get(row.userId) ?? []).map(toV1Group) : undefined)) },
    };
  },
);

const other = v1MethodNotAllowed("POST, GET");
export { other as PUT, other as PATCH, other as DELETE };

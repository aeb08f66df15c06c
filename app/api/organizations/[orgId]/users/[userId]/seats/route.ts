import { assignSeat } from "@/lib/domain/seats/assign-seats";
import { revokeSeat } from "@/lib/domain/seats/revoke-seats";
import { orgApiRoute } from "@/lib/http/api-handler";
import { userIdParam } from "@/lib/http/params";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/organizations/{orgId}/users/{userId}/seats
export const POST = orgApiRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await assignSeat(actor, access.org.slug, { userId: userIdParam(params) });
  return { status: 201 };
});

// DELETE /api/organizations/{orgId}/users/{userId}/seats
export const DELETE = orgApiRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await revokeSeat(actor, access.org.slug, { userId: userIdParam(params) });
  return { status: 204 };
});

const other = methodNotAllowed("POST, DELETE");
export { other as GET, other as PUT, other as PATCH };

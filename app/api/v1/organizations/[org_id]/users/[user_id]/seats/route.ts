import { z } from "zod";
import { assignSeat } from "@/lib/domain/seats/assign-seats";
import { revokeSeat } from "@/lib/domain/seats/revoke-seats";
import { AppError } from "@/lib/errors";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";
import { v1QueryBoolean } from "@/lib/validation/v1";

// POST /api/v1/organizations/{org_id}/users/{user_id}/seats?send_seat_assigned_email= (assign_seat)
export const POST = v1OrgRoute(
  { permission: "members.manage", query: z.object({ send_seat_assigned_email: v1QueryBoolean(true) }) },
  async ({ actor, access, params, query }) => {
    const result = await assignSeat(actor, access.org.slug, { userId: params.user_id }, { sendEmail: query.send_seat_assigned_email });
    // v1 reports a seat the user already holds as a conflict.
    if (result.outcome === "already_assigned") {
      throw new AppError("conflict", "This user already holds a seat.", undefined, "seat_already_assigned");
    }
    return { status: 201 };
  },
);

// DELETE /api/v1/organizations/{org_id}/users/{user_id}/seats (revoke_seat)
export const DELETE = v1OrgRoute({ permission: "members.manage" }, async ({ actor, access, params }) => {
  await revokeSeat(actor, access.org.slug, { userId: params.user_id });
  return { status: 204 };
});

const other = v1MethodNotAllowed("POST, DELETE");
export { other as GET, other as PUT, other as PATCH };

import { onboardUsers } from "@/lib/domain/onboarding/onboard-users";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";
import { v1OnboardingSchema } from "@/lib/validation/v1";

// POST /api/v1/organizations/{org_id}/users_auto_registration (auto_register_users)
export const POST = v1OrgRoute({ permission: "members.manage", body: v1OnboardingSchema }, async ({ actor, access, input }) => {
  const result = await onboardUsers(actor, access.org.slug, input);
  // v1 answers the seat counts as strings.
  return {
    status: 200,
    body: {
      ...result,
      total_organization_seats: String(result.total_organization_seats),
      available_organization_seats: String(result.available_organization_seats),
    },
  };
});

const other = v1MethodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE };

import { onboardUsers } from "@/lib/domain/onboarding/onboard-users";
import { orgApiRoute } from "@/lib/http/api-handler";
import { onboardingSchema } from "@/lib/validation/onboarding";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/organizations/{orgId}/onboarding
export const POST = orgApiRoute({ permission: "members.manage", body: onboardingSchema }, async ({ actor, access, input }) => ({
  status: 200,
  body: await onboardUsers(actor, access.org.slug, input),
}));

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE };

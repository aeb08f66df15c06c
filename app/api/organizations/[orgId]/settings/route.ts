import { getOrgSettings } from "@/lib/domain/settings/get-org-settings";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/settings
export const GET = orgApiRoute({ permission: "settings.read" }, async ({ actor, access }) => ({
  status: 200,
  body: await getOrgSettings(actor, access.org.slug),
}));

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

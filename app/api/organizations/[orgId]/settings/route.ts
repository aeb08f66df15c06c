import { getOrgSettings } from "@/lib/domain/settings/get-org-settings";
import { orgApiRoute } from "@/lib/http/api-handler";

// GET /api/organizations/{orgId}/settings
export const GET = orgApiRoute({ permission: "settings.read" }, async ({ actor, access }) => ({
  status: 200,
  body: await getOrgSettings(actor, access.org.slug),
}));

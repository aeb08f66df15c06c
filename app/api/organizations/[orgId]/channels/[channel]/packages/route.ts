import { listPackages } from "@/lib/domain/packages/list-packages";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/channels/{channel}/packages
export const GET = orgApiRoute({ permission: "channels.read" }, async ({ actor, access, params }) => ({
  status: 200,
  body: await listPackages(actor, access.org.slug, params.channel),
}));

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

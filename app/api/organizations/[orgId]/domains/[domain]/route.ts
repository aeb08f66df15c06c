import { removeDomain } from "@/lib/domain/domains/remove-domain";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// DELETE /api/organizations/{orgId}/domains/{domain}
export const DELETE = orgApiRoute({ permission: "settings.update" }, async ({ actor, access, params }) => {
  await removeDomain(actor, access.org.slug, params.domain ?? "");
  return { status: 204 };
});

const other = methodNotAllowed("DELETE");
export { other as GET, other as POST, other as PUT, other as PATCH };

import { verifyDomain } from "@/lib/domain/domains/verify-domain";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/organizations/{orgId}/domains/{domain}/verify
// 200 whether or not the record was found: `outcome` says which (the check ran; nothing failed).
export const POST = orgApiRoute({ permission: "settings.update" }, async ({ actor, access, params }) => ({
  status: 200,
  body: await verifyDomain(actor, access.org.slug, params.domain ?? ""),
}));

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE };

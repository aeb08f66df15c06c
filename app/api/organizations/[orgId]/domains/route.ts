import { addDomain } from "@/lib/domain/domains/add-domain";
import { listDomains } from "@/lib/domain/domains/list-domains";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { addDomainSchema } from "@/lib/validation/domains";

// GET /api/organizations/{orgId}/domains
export const GET = orgApiRoute({ permission: "settings.read" }, async ({ actor, access }) => ({
  status: 200,
  body: await listDomains(actor, access.org.slug),
}));

// POST /api/organizations/{orgId}/domains
export const POST = orgApiRoute({ permission: "settings.update", body: addDomainSchema }, async ({ actor, access, input }) => ({
  status: 201,
  body: await addDomain(actor, access.org.slug, input),
}));

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };

import { scimBase } from "@/lib/domain/scim/scim-users";
import { resourceTypes } from "@/lib/http/scim/discovery";
import { scimMethodNotAllowed, scimRoute } from "@/lib/http/scim/scim-route";

// GET /scim/v2/organizations/{orgId}/ResourceTypes
export const GET = scimRoute(async ({ orgSlug }) => ({ status: 200, body: resourceTypes(scimBase({ slug: orgSlug.toLowerCase() })) }));

export const POST = scimMethodNotAllowed("GET");
export const PUT = scimMethodNotAllowed("GET");
export const PATCH = scimMethodNotAllowed("GET");
export const DELETE = scimMethodNotAllowed("GET");

import { scimBase } from "@/lib/domain/scim/scim-users";
import { schemas } from "@/lib/http/scim/discovery";
import { scimMethodNotAllowed, scimRoute } from "@/lib/http/scim/scim-route";

// GET /scim/v2/organizations/{orgId}/Schemas
export const GET = scimRoute(async ({ orgSlug }) => ({ status: 200, body: schemas(scimBase({ slug: orgSlug.toLowerCase() })) }));

export const POST = scimMethodNotAllowed("GET");
export const PUT = scimMethodNotAllowed("GET");
export const PATCH = scimMethodNotAllowed("GET");
export const DELETE = scimMethodNotAllowed("GET");

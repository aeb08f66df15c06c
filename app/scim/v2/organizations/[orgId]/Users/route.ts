import { parsePaging } from "@/lib/domain/scim/filter";
import { listScimUsers } from "@/lib/domain/scim/list-scim";
import { createScimUser } from "@/lib/domain/scim/scim-user-writes";
import { scimMethodNotAllowed, scimRoute } from "@/lib/http/scim/scim-route";

// GET /scim/v2/organizations/{orgId}/Users
export const GET = scimRoute(async ({ actor, orgSlug, url }) => ({
  status: 200,
  body: await listScimUsers(actor, orgSlug, { ...parsePaging(url.searchParams), filter: url.searchParams.get("filter") }),
}));

// POST /scim/v2/organizations/{orgId}/Users
export const POST = scimRoute(async ({ actor, orgSlug, body }) => ({
  status: 201,
  body: await createScimUser(actor, orgSlug, await body()),
}));

export const PUT = scimMethodNotAllowed("GET, POST");
export const PATCH = scimMethodNotAllowed("GET, POST");
export const DELETE = scimMethodNotAllowed("GET, POST");

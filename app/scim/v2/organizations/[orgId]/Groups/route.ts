import { parsePaging } from "@/lib/domain/scim/filter";
import { listScimGroups } from "@/lib/domain/scim/list-scim";
import { createScimGroup } from "@/lib/domain/scim/scim-group-writes";
import { scimMethodNotAllowed, scimRoute } from "@/lib/http/scim/scim-route";

const excludesMembers = (url: URL) => /(^|,)\s*members\s*(,|$)/i.test(url.searchParams.get("excludedAttributes") ?? "");

// GET /scim/v2/organizations/{orgId}/Groups
export const GET = scimRoute(async ({ actor, orgSlug, url }) => ({
  status: 200,
  body: await listScimGroups(actor, orgSlug, {
    ...parsePaging(url.searchParams),
    filter: url.searchParams.get("filter"),
    excludeMembers: excludesMembers(url),
  }),
}));

// POST /scim/v2/organizations/{orgId}/Groups
export const POST = scimRoute(async ({ actor, orgSlug, body }) => ({
  status: 201,
  body: await createScimGroup(actor, orgSlug, await body()),
}));

export const PUT = scimMethodNotAllowed("GET, POST");
export const PATCH = scimMethodNotAllowed("GET, POST");
export const DELETE = scimMethodNotAllowed("GET, POST");

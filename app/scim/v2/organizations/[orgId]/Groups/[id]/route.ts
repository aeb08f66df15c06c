import { getScimGroup } from "@/lib/domain/scim/list-scim";
import { deleteScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/domain/scim/scim-group-writes";
import { scimMethodNotAllowed, scimRoute } from "@/lib/http/scim/scim-route";

// GET /scim/v2/organizations/{orgId}/Groups/{id}
export const GET = scimRoute(async ({ actor, orgSlug, params, url }) => ({
  status: 200,
  body: await getScimGroup(actor, orgSlug, params.id, /(^|,)\s*members\s*(,|$)/i.test(url.searchParams.get("excludedAttributes") ?? "")),
}));

// PUT /scim/v2/organizations/{orgId}/Groups/{id}
export const PUT = scimRoute(async ({ actor, orgSlug, params, body }) => ({
  status: 200,
  body: await replaceScimGroup(actor, orgSlug, params.id, await body()),
}));

// PATCH /scim/v2/organizations/{orgId}/Groups/{id}
export const PATCH = scimRoute(async ({ actor, orgSlug, params, body }) => ({
  status: 200,
  body: await patchScimGroup(actor, orgSlug, params.id, await body()),
}));

// DELETE /scim/v2/organizations/{orgId}/Groups/{id}
export const DELETE = scimRoute(async ({ actor, orgSlug, params }) => {
  await deleteScimGroup(actor, orgSlug, params.id);
  return { status: 204 };
});

export const POST = scimMethodNotAllowed("GET, PUT, PATCH, DELETE");

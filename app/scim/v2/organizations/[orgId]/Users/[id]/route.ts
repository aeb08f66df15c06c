import { getScimUser } from "@/lib/domain/scim/list-scim";
import { deleteScimUser, patchScimUser, replaceScimUser } from "@/lib/domain/scim/scim-user-writes";
import { scimMethodNotAllowed, scimRoute } from "@/lib/http/scim/scim-route";

// GET /scim/v2/organizations/{orgId}/Users/{id}
export const GET = scimRoute(async ({ actor, orgSlug, params }) => ({ status: 200, body: await getScimUser(actor, orgSlug, params.id) }));

// PUT /scim/v2/organizations/{orgId}/Users/{id}
export const PUT = scimRoute(async ({ actor, orgSlug, params, body }) => ({
  status: 200,
  body: await replaceScimUser(actor, orgSlug, params.id, await body()),
}));

// PATCH /scim/v2/organizations/{orgId}/Users/{id}
export const PATCH = scimRoute(async ({ actor, orgSlug, params, body }) => ({
  status: 200,
  body: await patchScimUser(actor, orgSlug, params.id, await body()),
}));

// DELETE /scim/v2/organizations/{orgId}/Users/{id}
export const DELETE = scimRoute(async ({ actor, orgSlug, params }) => {
  await deleteScimUser(actor, orgSlug, params.id);
  return { status: 204 };
});

export const POST = scimMethodNotAllowed("GET, PUT, PATCH, DELETE");

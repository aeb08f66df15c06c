// Test-only helpers for the SCIM *.db.test.ts files: an org with its SCIM token, and calls to the
// real route handlers with the headers identity providers send.
import * as groups from "@/app/scim/v2/organizations/[orgId]/Groups/route";
import * as group from "@/app/scim/v2/organizations/[orgId]/Groups/[id]/route";
import * as resourceTypes from "@/app/scim/v2/organizations/[orgId]/ResourceTypes/route";
import * as schemas from "@/app/scim/v2/organizations/[orgId]/Schemas/route";
import * as spc from "@/app/scim/v2/organizations/[orgId]/ServiceProviderConfig/route";
import * as users from "@/app/scim/v2/organizations/[orgId]/Users/route";
import * as user from "@/app/scim/v2/organizations/[orgId]/Users/[id]/route";
import { callRoute, createApiOrg } from "@/test/api";
import { generateScimToken } from "./scim-token";

export const scimRoutes = { users, user, groups, group, spc, resourceTypes, schemas };

/** An API org (admin, subscription, service account) with a SCIM token. */
export async function scimOrg(seats = 10) {
  const home = await createApiOrg({ seats });
  const { token } = await generateScimToken(home.admin, home.org.slug);
  return { ...home, scimToken: token };
}

type Handler = Parameters<typeof callRoute>[0];

/** One SCIM call: `path` after the org's base, e.g. "/Users?filter=..." (the query reaches the handler). */
export function scim(
  handler: Handler,
  orgSlug: string,
  token: string | null,
  {
    method = "GET",
    path = "/Users",
    body,
    id,
    headers = {},
  }: { method?: string; path?: string; body?: unknown; id?: string; headers?: Record<string, string> } = {},
) {
  return callRoute(handler, {
    method,
    path: `/scim/v2/organizations/${orgSlug}${path}`,
    token,
    body,
    params: id ? { orgId: orgSlug, id } : { orgId: orgSlug },
    headers: body !== undefined ? { "content-type": "application/scim+json", ...headers } : headers,
  });
}

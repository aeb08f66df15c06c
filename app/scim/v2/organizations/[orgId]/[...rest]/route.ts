import { ScimError } from "@/lib/domain/scim/scim-error";
import { scimRoute } from "@/lib/http/scim/scim-route";

// Any other path under /scim/v2/organizations/{orgId}: a SCIM 404 (after the token check, so
// nothing is said to a caller without one), never the portal's HTML page.
const answer = scimRoute(async ({ params }) => {
  throw new ScimError(404, `There is no SCIM resource at /${params.rest}.`);
});

const notFound = (req: Request, { params }: { params: Promise<{ orgId: string; rest: string[] }> }) =>
  answer(req, { params: params.then(({ orgId, rest }) => ({ orgId, rest: rest.join("/") })) });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;

import { z } from "zod";
import { getSsoConnection } from "@/lib/domain/sso/get-sso-connection";
import { deleteSsoConnection, saveSsoConnection } from "@/lib/domain/sso/save-sso-connection";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/sso
export const GET = orgApiRoute({ permission: "settings.read" }, async ({ actor, access }) => ({
  status: 200,
  body: await getSsoConnection(actor, access.org.slug),
}));

// PUT /api/organizations/{orgId}/sso
// The body is parsed by the use case: whether http:// issuers are allowed is read at call time.
export const PUT = orgApiRoute({ permission: "settings.update", body: z.unknown() }, async ({ actor, access, input }) => ({
  status: 200,
  body: await saveSsoConnection(actor, access.org.slug, input),
}));

// DELETE /api/organizations/{orgId}/sso
export const DELETE = orgApiRoute({ permission: "settings.update" }, async ({ actor, access }) => {
  await deleteSsoConnection(actor, access.org.slug);
  return { status: 204 };
});

const other = methodNotAllowed("GET, PUT, DELETE");
export { other as POST, other as PATCH };

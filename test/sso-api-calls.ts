// The single sign-on routes in the API authorization matrix (lib/http/api-authorization.db.test.ts)
// and the hostile-input test. Changing the connection is for Account Admins' user tokens only
// (saAllowed: false): a leaked CI secret must not point the org's sign-in at another IdP.
import * as sso from "@/app/api/organizations/[orgId]/sso/route";
import { saveSsoConnection } from "@/lib/domain/sso/save-sso-connection";
import type { createApiOrg } from "./api";

type Home = Awaited<ReturnType<typeof createApiOrg>>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const path = "/api/organizations/{orgId}/sso";
// Saving does not contact the issuer (only Test Connection and Require SSO do).
export const SSO_MATRIX_BODY = { issuer: "https://idp.example.test", client_id: "matrix-client", client_secret: "matrix-secret" };

async function aConnection(home: Home) {
  await saveSsoConnection(home.admin, home.org.slug, SSO_MATRIX_BODY);
  return {};
}

export const ssoCalls: Array<{
  name: string;
  path: string;
  handler: Handler;
  method: string;
  body?: unknown;
  saAllowed?: false;
  prepare?: (home: Home) => Promise<{ params?: Record<string, string>; body?: unknown }>;
}> = [
  { name: "GET sso", path, handler: sso.GET, method: "GET" },
  { name: "PUT sso", path, handler: sso.PUT, method: "PUT", body: SSO_MATRIX_BODY, saAllowed: false },
  { name: "DELETE sso", path, handler: sso.DELETE, method: "DELETE", saAllowed: false, prepare: aConnection },
];

import { appUrl } from "@/lib/config";

// GET /.well-known/oauth-authorization-server (RFC 8414)
export function GET() {
  const issuer = appUrl();
  return Response.json({
    issuer,
    token_endpoint: `${issuer}/api/oauth/token`,
    revocation_endpoint: `${issuer}/api/oauth/revoke`,
    grant_types_supported: ["password", "client_credentials"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    response_types_supported: [],
    service_documentation: `${issuer}/docs/api`,
  });
}

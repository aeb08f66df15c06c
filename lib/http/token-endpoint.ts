import { clientIp } from "@/lib/auth/client-ip";
import { issueServiceAccountToken, issueUserAccessToken } from "@/lib/domain/tokens/api-access/issue-access-token";
import { AppError } from "@/lib/errors";
import { readBody } from "./read-body";
import { tokenRequestSchema } from "@/lib/validation/oauth";
import { describeError } from "@/lib/observability/describe-error";

type OAuthError = "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";

const noStore = { "cache-control": "no-store", pragma: "no-cache" };

function oauthError(status: number, error: OAuthError, description: string, headers: Record<string, string> = {}) {
  return Response.json({ error, error_description: description }, { status, headers: { ...noStore, ...headers } });
}

/**
 * Client credentials may come as HTTP Basic (RFC 6749 section 2.3.1) instead of in the body,
 * form-urlencoded inside. A value that does not decode (a stray `%`) is the client's mistake:
 * it is refused as invalid_client, never left to throw.
 */
function basicCredentials(req: Request): { client_id: string; client_secret: string } | "malformed" | null {
  const match = req.headers.get("authorization")?.match(/^Basic\s+(\S+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "malformed";
  try {
    return {
      client_id: decodeURIComponent(decoded.slice(0, colon)),
      client_secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return "malformed";
  }
}

/**
 * The OAuth 2.0 token endpoint (RFC 6749): `password` for an admin's user token,
 * `client_credentials` (body or HTTP Basic) for a service account's. Served at /api/oauth/token
 * and, for clients of the v1 API, at /api/iam/token: one code for both.
 */
export async function tokenEndpoint(req: Request) {
  try {
    const body = await readBody(req);
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      return oauthError(400, "invalid_request", "Send a form-encoded or JSON object.");
    }
    const basic = basicCredentials(req);
    if (basic === "malformed") {
      return oauthError(401, "invalid_client", "The HTTP Basic credentials are not client_id:client_secret, form-encoded.", {
        "www-authenticate": 'Basic realm="api"',
      });
    }
    const fields: Record<string, unknown> = { ...(basic ?? {}), ...(body as Record<string, unknown>) };
    const grant = fields.grant_type;
    if (grant !== "password" && grant !== "client_credentials") {
      return oauthError(
        400,
        grant ? "unsupported_grant_type" : "invalid_request",
        grant
          ? `grant_type ${String(grant).slice(0, 50)} is not supported; use password or client_credentials.`
          : "grant_type is required.",
      );
    }
    const parsed = tokenRequestSchema.safeParse(fields);
    if (!parsed.success) return oauthError(400, "invalid_request", parsed.error.issues.map((i) => i.message).join(" "));
    const ip = clientIp(req.headers);
    const token =
      parsed.data.grant_type === "password"
        ? await issueUserAccessToken({ username: parsed.data.username, password: parsed.data.password }, { ip })
        : await issueServiceAccountToken({ clientId: parsed.data.client_id, clientSecret: parsed.data.client_secret }, { ip });
    return Response.json(token, { headers: noStore });
  } catch (err) {
    if (err instanceof AppError) {
      if (err.reason === "invalid_client")
        return oauthError(401, "invalid_client", err.message, { "www-authenticate": 'Basic realm="api"' });
      if (err.reason === "invalid_grant") return oauthError(400, "invalid_grant", err.message);
      if (err.code === "rate_limited") {
        return oauthError(429, "invalid_request", err.message, { "retry-after": String(err.retryAfterSeconds ?? 60) });
      }
      if (err.code === "validation") return oauthError(400, "invalid_request", err.message);
    }
    console.error(JSON.stringify({ level: "error", msg: "token endpoint failed", ...describeError(err) }));
    return Response.json({ error: "server_error", error_description: "Something went wrong." }, { status: 500, headers: noStore });
  }
}

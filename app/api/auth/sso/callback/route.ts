import { clientIp } from "@/lib/auth/client-ip";
import { anonymous } from "@/lib/authz/actor";
import { readCookie, SSO_LOGIN_COOKIE, ssoLoginCookie, ssoTicketCookie } from "@/lib/auth/sso-cookies";
import { config } from "@/lib/config";
import { completeSsoSignIn } from "@/lib/domain/sso/complete-sso-sign-in";
import { ssoRedirectUri } from "@/lib/domain/sso/oidc";
import { ssoFailureOf } from "@/lib/domain/sso/sso-failures";
import { AppError } from "@/lib/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { describeError } from "@/lib/observability/describe-error";
import { safeReturnPath } from "../../../../(auth)/safe-return";

// GET /api/auth/sso/callback: where the org's identity provider sends the browser back. The
// checks are the use case's; this adapter reads the sign-in cookie, hands over the redirect URI
// with the IdP's query (the public address, whatever host the request reached us by), and
// sends the browser on: with a login ticket to the page that finishes the sign-in, or back to
// Sign in with SSO with a message.
export async function GET(req: Request) {
  const app = config().appUrl;
  const callbackUrl = new URL(ssoRedirectUri());
  callbackUrl.search = new URL(req.url).search;
  const headers = new Headers({ "cache-control": "no-store", "referrer-policy": "no-referrer" });
  // The sign-in cookie is spent whatever happens.
  headers.append("set-cookie", ssoLoginCookie("", 0));
  try {
    const done = await completeSsoSignIn(anonymous(clientIp(req.headers)), readCookie(req.headers, SSO_LOGIN_COOKIE), callbackUrl);
    headers.append("set-cookie", ssoTicketCookie(done.ticket));
    const next = safeReturnPath(done.returnTo, `/organizations/${done.orgSlug}`);
    headers.set("location", `${app}/sign-in/sso/complete?callbackUrl=${encodeURIComponent(next)}`);
  } catch (err) {
    if (!(err instanceof AppError)) console.error(JSON.stringify({ level: "error", msg: "sso callback failed", ...describeError(err) }));
    headers.set("location", `${app}/sign-in/sso?error=${ssoFailureOf(err)}`);
  }
  return new Response(null, { status: 303, headers });
}

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

import { config } from "@/lib/config";

// The two cookies of Sign in with SSO. Both httpOnly, SameSite=Lax (the IdP's redirect back is a
// top-level GET from another site, which Lax lets through) and scoped to the one path that reads them.
export const SSO_LOGIN_COOKIE = "sso_login";
export const SSO_TICKET_COOKIE = "sso_ticket";

const secure = () => config().appUrl.startsWith("https://");

/** Set-Cookie for the key of a sign-in sent to the IdP (read by the callback only). */
export const ssoLoginCookie = (key: string, maxAgeSeconds = 600) =>
  `${SSO_LOGIN_COOKIE}=${key}; Path=/api/auth/sso/callback; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure() ? "; Secure" : ""}`;

/** Set-Cookie for the login ticket (read by next-auth's "sso" provider only). */
export const ssoTicketCookie = (ticket: string, maxAgeSeconds = 120) =>
  `${SSO_TICKET_COOKIE}=${ticket}; Path=/api/auth/callback/sso; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure() ? "; Secure" : ""}`;

/** One cookie's value from a request's headers (a Headers object or next-auth's plain record). */
export function readCookie(headers: Headers | Record<string, unknown> | undefined, name: string): string | null {
  const raw = headers instanceof Headers ? headers.get("cookie") : (headers?.cookie as string | undefined);
  if (!raw) return null;
  for (const part of raw.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=") || null;
  }
  return null;
}

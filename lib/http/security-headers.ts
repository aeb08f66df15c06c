// Headers every response carries (pages, API, the token hot path). Pure functions: server.ts
// applies them to every response, proxy.ts adds the per-request CSP of pages.

/** Headers for every response. HSTS only when the public address is https (it would pin http). */
export function baseSecurityHeaders(appUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    // Token and invitation links must not leak to other sites through Referer.
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
  };
  if (appUrl.startsWith("https://")) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** For answers that are never rendered as a page (API JSON, channel files, token checks). */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Every header of an answer that is never a page: the base ones and the non-page CSP. */
export const nonPageHeaders = (appUrl: string): Record<string, string> => ({
  ...baseSecurityHeaders(appUrl),
  "content-security-policy": NON_PAGE_CSP,
});

/**
 * The policy of HTML pages: scripts only with this request's nonce (Next adds it to its own
 * scripts when it finds it in the request's CSP header), and whatever those scripts load
 * ('strict-dynamic'). Styles allow inline attributes: UI libraries position popovers with them.
 */
export function pageCsp(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce per request. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");

/** Paths whose answers are not pages, so they get the strict non-page policy from server.ts. */
export const isNonPagePath = (pathname: string) =>
  pathname === "/api" || pathname.startsWith("/api/") || pathname.startsWith("/t/") || pathname.startsWith("/_next/static/");

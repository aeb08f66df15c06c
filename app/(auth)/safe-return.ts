// Any origin works as the base: only whether resolving the value keeps it is asked.
const BASE = "http://app.invalid";

/**
 * Only same-origin paths may be returned to after sign-in (no open redirects). The value is
 * resolved the way a browser resolves it, so `/\t/evil.example`, `/\n/...` and `/\\evil` (which a
 * browser turns into `//evil.example`) are refused with the plain `//evil.example`. The result
 * is the normalized path, query and fragment, never the raw value.
 */
export function safeReturnPath(value: string | null | undefined, fallback = "/organizations") {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Belt and braces: a result a browser could read as protocol-relative is never handed back.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

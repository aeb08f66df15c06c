/**
 * A request path as a bounded route label for metrics and logs: ids, tokens and slugs become
 * placeholders, so one label stands for one route however many orgs and users there are.
 */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next/*";
  if (pathname.startsWith("/t/")) return "/t/{token}/*";
  const parts = pathname.split("/").filter(Boolean).slice(0, 8);
  const out = parts.map((part, i) => {
    const prev = parts[i - 1];
    if (prev === "organizations" && i <= 2) return "{orgId}";
    if (prev === "users" && /^[0-9a-f-]{36}$/i.test(part)) return "{userId}";
    if (prev === "service-accounts") return "{clientId}";
    if (prev === "invitations" && i === 1) return "{token}";
    if (prev === "set-password") return "{token}";
    if (/^[0-9a-f-]{36}$/i.test(part)) return "{id}";
    return part.length > 40 ? "{value}" : part;
  });
  return `/${out.join("/")}`;
}

/** The Organization ID in a portal or API path, if any. */
export function orgFromPath(pathname: string): string | undefined {
  const match = pathname.match(/^\/(?:api\/)?organizations\/([a-z0-9-]{1,39})(?:\/|$)/);
  return match?.[1];
}

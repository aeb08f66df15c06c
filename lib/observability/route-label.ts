import fs from "node:fs";
import path from "node:path";

/** The label every path that is not a route of the app shares, so random URLs add no series. */
export const UNMATCHED_ROUTE = "{unmatched}";

// Answered by server.ts itself, outside Next's router.
const SERVER_ROUTES = ["/api/tokens/check", "/api/tokens/introspect", "/api/metrics"];

type Node = { statics: Map<string, Node>; param?: Node; catchAll?: string; route?: string };
const newNode = (): Node => ({ statics: new Map() });

/** A trie of route templates: `/organizations/{orgId}/users`, `/api/auth/{nextauth}/*`. */
export function routeTable(templates: string[]): Node {
  const root = newNode();
  for (const template of templates) {
    let node = root;
    for (const seg of template.split("/").filter(Boolean)) {
      if (seg === "*" || seg === "*?") {
        node.catchAll = template;
        // An optional catch-all also matches its folder itself.
        if (seg === "*?") node.route = template;
        break;
      }
      if (seg.startsWith("{")) node = node.param ??= newNode();
      else node = node.statics.get(seg) ?? node.statics.set(seg, newNode()).get(seg)!;
    }
    if (!template.includes("*")) node.route = template;
  }
  return root;
}

function match(node: Node, segs: string[], i: number): string | undefined {
  if (i === segs.length) return node.route;
  // A static segment wins over a parameter (`/organizations/new` before `/organizations/{orgId}`).
  const fixed = node.statics.get(segs[i]);
  return (fixed && match(fixed, segs, i + 1)) ?? (node.param && match(node.param, segs, i + 1)) ?? node.catchAll;
}

/** A folder name as a template segment; null for a route group, which adds nothing to the URL. */
function segmentOf(name: string): string | null {
  if (/^\(.*\)$/.test(name)) return null;
  if (/^\[\[\.\.\.[^\]]+\]\]$/.test(name)) return "*?";
  if (/^\[\.\.\.[^\]]+\]$/.test(name)) return "*";
  if (/^\[[^\]]+\]$/.test(name)) return `{${name.slice(1, -1)}}`;
  return name;
}

/** The page and route handler templates under app/: route groups dropped, `[x]` as `{x}`, `[...x]` as `*`. */
export function scanAppRoutes(appDir: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, segs: string[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isFile() && /^(page|route)\.(tsx?|jsx?)$/.test(e.name)) out.push(`/${segs.join("/")}`);
      if (!e.isDirectory() || e.name.startsWith("_") || e.name.startsWith("@")) continue;
      const seg = segmentOf(e.name);
      visit(path.join(dir, e.name), seg === null ? segs : [...segs, seg]);
    }
  };
  visit(appDir, []);
  return out;
}

let table: Node | undefined;
/** The app's routes, read once from app/ (server.ts runs from the checkout). */
function appTable() {
  table ??= routeTable([...scanAppRoutes(path.join(process.cwd(), "app")), ...SERVER_ROUTES]);
  return table;
}

/**
 * A request path as a bounded route label for metrics and logs: the template of the app's route
 * it reaches (ids, tokens and slugs as placeholders), so one label stands for one route however
 * many orgs and users there are; every other path shares UNMATCHED_ROUTE.
 */
export function routeLabel(pathname: string, routes: Node = appTable()): string {
  // Its own label, without a walk down the table: the token check is most requests.
  if (SERVER_ROUTES.includes(pathname)) return pathname;
  if (pathname.startsWith("/_next/")) return "/_next/*";
  if (pathname.startsWith("/t/")) return "/t/{token}/*";
  const segs = pathname.split("/").filter(Boolean);
  if (segs.length > 20) return UNMATCHED_ROUTE;
  return match(routes, segs, 0) ?? UNMATCHED_ROUTE;
}

/** The Organization ID in a portal or API path, if any. */
export function orgFromPath(pathname: string): string | undefined {
  const match = pathname.match(/^\/(?:api\/)?organizations\/([a-z0-9-]{1,39})(?:\/|$)/);
  return match?.[1];
}

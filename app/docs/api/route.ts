import { ApiReference } from "@scalar/nextjs-api-reference";

// GET /docs/api: the API reference, rendered by Scalar from /api/openapi.json.
// The renderer's script is served by this app (./scalar.js), so the page works offline.
const reference = ApiReference({
  url: "/api/openapi.json",
  cdn: "/docs/api/scalar.js",
  pageTitle: "Org Portal API",
  hideClientButton: true,
  showDeveloperTools: "never",
  // Its default fonts come from fonts.scalar.com, which the page CSP (and offline use) refuses.
  withDefaultFonts: false,
  // The AI agent searches Scalar's registry through proxy.scalar.com: no calls to third parties.
  agent: { disabled: true },
});

// The page's CSP (proxy.ts) runs only scripts with this request's nonce; Scalar's document has
// two (its bundle and the inline call that starts it), which get the nonce here.
export async function GET(req: Request) {
  const nonce = req.headers.get("x-nonce");
  const response = reference();
  if (!nonce || !/^[A-Za-z0-9+/=]+$/.test(nonce)) return response;
  const html = (await response.text()).replaceAll("<script", `<script nonce="${nonce}"`);
  return new Response(html, { status: response.status, headers: response.headers });
}

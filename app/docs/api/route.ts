import { ApiReference } from "@scalar/nextjs-api-reference";

// GET /docs/api: the API reference, rendered by Scalar from /api/openapi.json.
// The renderer's script is served by this app (./scalar.js), so the page works offline.
export const GET = ApiReference({
  url: "/api/openapi.json",
  cdn: "/docs/api/scalar.js",
  pageTitle: "Org Portal API",
  hideClientButton: true,
  showDeveloperTools: "never",
});

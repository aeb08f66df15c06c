import fs from "node:fs/promises";
import path from "node:path";

let script: Promise<Buffer> | undefined;

// GET /docs/api/scalar.js: Scalar's standalone bundle from node_modules (no CDN needed).
export async function GET() {
  script ??= fs.readFile(path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js"));
  return new Response(new Uint8Array(await script), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}

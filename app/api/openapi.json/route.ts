import { appUrl } from "@/lib/config";
import { buildOpenApiDocument } from "@/lib/openapi/document";

// GET /api/openapi.json
export async function GET() {
  return Response.json(buildOpenApiDocument(appUrl()));
}

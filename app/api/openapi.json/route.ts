import { appUrl } from "@/lib/config";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/openapi.json
export async function GET() {
  return Response.json(buildOpenApiDocument(appUrl()));
}

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

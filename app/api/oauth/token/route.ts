import { tokenEndpoint } from "@/lib/http/token-endpoint";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/oauth/token
export const POST = tokenEndpoint;

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE };

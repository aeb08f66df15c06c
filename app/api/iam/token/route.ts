import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { tokenEndpoint } from "@/lib/http/token-endpoint";

// POST /api/iam/token: where clients of the v1 API ask for tokens; the same endpoint as /api/oauth/token.
export const POST = tokenEndpoint;

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE };

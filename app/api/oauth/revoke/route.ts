import { revokeAccessToken } from "@/lib/domain/tokens/api-access/revoke-access-token";
import { readBody } from "@/lib/http/read-body";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

const noStore = { "cache-control": "no-store" };

// POST /api/oauth/revoke (RFC 7009): form field or JSON `token`; 200 whether or not it existed.
export async function POST(req: Request) {
  try {
    const body = await readBody(req);
    const token = body && typeof body === "object" ? (body as Record<string, unknown>).token : undefined;
    if (typeof token !== "string" || token.length === 0 || token.length > 200) {
      return Response.json(
        { error: "invalid_request", error_description: "The token parameter is required." },
        { status: 400, headers: noStore },
      );
    }
    await revokeAccessToken(token);
    return new Response(null, { status: 200, headers: noStore });
  } catch {
    return Response.json(
      { error: "invalid_request", error_description: "Send a form-encoded or JSON body with token." },
      { status: 400, headers: noStore },
    );
  }
}

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE };

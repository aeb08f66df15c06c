import { getEffectiveAccess } from "@/lib/domain/settings/effective-access";
import { resolveAccessCaller } from "@/lib/domain/settings/resolve-access-caller";
import { clientIp } from "@/lib/auth/client-ip";
import { bearerToken } from "@/lib/http/bearer";
import { route } from "@/lib/http/route";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/users/me/access
// Not org-scoped, so not orgApiRoute: the caller is a user (API access token or member token),
// and the answer is about that user only. No subscription is needed to learn what you may do.
export const GET = route(async (req: Request) => {
  const actor = await resolveAccessCaller(bearerToken(req.headers), clientIp(req.headers));
  return Response.json(await getEffectiveAccess(actor), { headers: { "cache-control": "no-store" } });
});

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

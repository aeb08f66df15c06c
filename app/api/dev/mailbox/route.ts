import { mayReadMailbox } from "@/lib/auth/mailbox-access";
import { listMailbox } from "@/lib/email/mailbox";
import { problem } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/dev/mailbox
export const GET = route(async (req) => {
  if (!(await mayReadMailbox(req.headers))) return problem(404, "not_found", "Not found.");
  return Response.json(await listMailbox());
});

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

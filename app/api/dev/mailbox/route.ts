import { isMailboxEnabled } from "@/lib/email/transports";
import { listMailbox } from "@/lib/email/mailbox";
import { problem } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/dev/mailbox
export const GET = route(async () => {
  if (!isMailboxEnabled()) return problem(404, "not_found", "The local mailbox is off while an email provider is configured.");
  return Response.json(await listMailbox());
});

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

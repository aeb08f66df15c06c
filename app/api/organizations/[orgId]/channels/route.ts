import { createChannel } from "@/lib/domain/channels/create-channel";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { orgApiRoute } from "@/lib/http/api-handler";
import { createChannelSchema } from "@/lib/validation/channels";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/channels
export const GET = orgApiRoute({ permission: "channels.read" }, async ({ actor, access }) => ({
  status: 200,
  body: await listChannels(actor, access.org.slug),
}));

// POST /api/organizations/{orgId}/channels
export const POST = orgApiRoute({ permission: "channels.manage", body: createChannelSchema }, async ({ actor, access, input }) => ({
  status: 201,
  body: await createChannel(actor, access.org.slug, input),
}));

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };

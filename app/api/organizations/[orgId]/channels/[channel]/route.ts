import { deleteChannel } from "@/lib/domain/channels/delete-channel";
import { getChannel } from "@/lib/domain/channels/get-channel";
import { updateChannel } from "@/lib/domain/channels/update-channel";
import { orgApiRoute } from "@/lib/http/api-handler";
import { updateChannelSchema } from "@/lib/validation/channels";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/channels/{channel}
export const GET = orgApiRoute({ permission: "channels.read" }, async ({ actor, access, params }) => ({
  status: 200,
  body: (await getChannel(actor, access.org.slug, params.channel)).json,
}));

// PATCH /api/organizations/{orgId}/channels/{channel}
export const PATCH = orgApiRoute({ permission: "channels.manage", body: updateChannelSchema }, async ({ actor, access, params, input }) => ({
  status: 200,
  body: await updateChannel(actor, access.org.slug, params.channel, input),
}));

// DELETE /api/organizations/{orgId}/channels/{channel}
export const DELETE = orgApiRoute({ permission: "channels.manage" }, async ({ actor, access, params }) => {
  await deleteChannel(actor, access.org.slug, params.channel);
  return { status: 204 };
});

const other = methodNotAllowed("GET, PATCH, DELETE");
export { other as POST, other as PUT };

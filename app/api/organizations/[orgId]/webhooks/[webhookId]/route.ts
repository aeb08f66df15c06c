import { deleteWebhookEndpoint } from "@/lib/domain/webhooks/delete-endpoint";
import { getWebhookEndpoint } from "@/lib/domain/webhooks/list-endpoints";
import { updateWebhookEndpoint } from "@/lib/domain/webhooks/update-endpoint";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { updateWebhookSchema } from "@/lib/validation/webhooks";

// GET /api/organizations/{orgId}/webhooks/{webhookId}
export const GET = orgApiRoute({ permission: "webhooks.manage" }, async ({ actor, access, params }) => ({
  status: 200,
  body: await getWebhookEndpoint(actor, access.org.slug, params.webhookId),
}));

// PATCH /api/organizations/{orgId}/webhooks/{webhookId}
export const PATCH = orgApiRoute(
  { permission: "webhooks.manage", body: updateWebhookSchema },
  async ({ actor, access, params, input }) => ({
    status: 200,
    body: await updateWebhookEndpoint(actor, access.org.slug, params.webhookId, input),
  }),
);

// DELETE /api/organizations/{orgId}/webhooks/{webhookId}
export const DELETE = orgApiRoute({ permission: "webhooks.manage" }, async ({ actor, access, params }) => {
  await deleteWebhookEndpoint(actor, access.org.slug, params.webhookId);
  return { status: 204 };
});

const other = methodNotAllowed("GET, PATCH, DELETE");
export { other as POST, other as PUT };

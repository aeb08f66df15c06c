import { redeliverWebhook } from "@/lib/domain/webhooks/send-test-event";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/organizations/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver (202)
export const POST = orgApiRoute({ permission: "webhooks.manage" }, async ({ actor, access, params }) => ({
  status: 202,
  body: await redeliverWebhook(actor, access.org.slug, params.webhookId, params.deliveryId),
}));

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE };

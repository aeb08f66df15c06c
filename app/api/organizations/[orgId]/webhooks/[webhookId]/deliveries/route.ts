import { listWebhookDeliveries } from "@/lib/domain/webhooks/list-endpoints";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// GET /api/organizations/{orgId}/webhooks/{webhookId}/deliveries?cursor=
export const GET = orgApiRoute({ permission: "webhooks.manage" }, async ({ actor, access, params, url }) => ({
  status: 200,
  body: await listWebhookDeliveries(actor, access.org.slug, params.webhookId, { cursor: url.searchParams.get("cursor") ?? undefined }),
}));

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE };

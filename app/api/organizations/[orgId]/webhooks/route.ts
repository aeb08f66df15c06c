import { createWebhookEndpoint } from "@/lib/domain/webhooks/create-endpoint";
import { listWebhookEndpoints } from "@/lib/domain/webhooks/list-endpoints";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { createWebhookSchema } from "@/lib/validation/webhooks";

// GET /api/organizations/{orgId}/webhooks
export const GET = orgApiRoute({ permission: "webhooks.manage" }, async ({ actor, access }) => ({
  status: 200,
  body: await listWebhookEndpoints(actor, access.org.slug),
}));

// POST /api/organizations/{orgId}/webhooks (the answer's secret is shown once and never replayed)
export const POST = orgApiRoute({ permission: "webhooks.manage", body: createWebhookSchema }, async ({ actor, access, input }) => ({
  status: 201,
  body: await createWebhookEndpoint(actor, access.org.slug, input),
}));

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };

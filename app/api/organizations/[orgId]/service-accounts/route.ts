import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import { listServiceAccounts } from "@/lib/domain/service-accounts/list-service-accounts";
import { orgApiRoute } from "@/lib/http/api-handler";
import { createServiceAccountSchema } from "@/lib/validation/service-accounts";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// POST /api/organizations/{orgId}/service-accounts
export const POST = orgApiRoute(
  { permission: "serviceAccounts.manage", body: createServiceAccountSchema },
  async ({ actor, access, input }) => ({
    status: 201,
    body: await createServiceAccount(actor, access.org.slug, input),
  }),
);

// GET /api/organizations/{orgId}/service-accounts
export const GET = orgApiRoute({ permission: "serviceAccounts.read" }, async ({ actor, access }) => ({
  status: 200,
  body: (await listServiceAccounts(actor, access.org.slug)).map(({ name, client_id, org_id }) => ({ name, client_id, org_id })),
}));

const other = methodNotAllowed("GET, POST");
export { other as PUT, other as PATCH, other as DELETE };

import { createServiceAccount } from "@/lib/domain/service-accounts/create-service-account";
import { listServiceAccounts } from "@/lib/domain/service-accounts/list-service-accounts";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";
import { v1CreateServiceAccountSchema } from "@/lib/validation/v1";

// POST /api/v1/organizations/{org_id}/service-accounts (create_service_account)
export const POST = v1OrgRoute(
  { permission: "serviceAccounts.manage", body: v1CreateServiceAccountSchema },
  async ({ actor, access, input }) => {
    const { name, client_id, client_secret } = await createServiceAccount(actor, access.org.slug, input);
    return { status: 200, body: { name, client_id, org_id: access.org.slug, client_secret } };
  },
);

// GET /api/v1/organizations/{org_id}/service-accounts (list_service_accounts)
export const GET = v1OrgRoute({ permission: "serviceAccounts.read" }, async ({ actor, access }) => ({
  status: 200,
  body: {
    items: (await listServiceAccounts(actor, access.org.slug)).map(({ name, client_id }) => ({ name, client_id, org_id: access.org.slug })),
  },
}));

const other = v1MethodNotAllowed("POST, GET");
export { other as PUT, other as PATCH, other as DELETE };

import { deleteServiceAccount } from "@/lib/domain/service-accounts/delete-service-account";
import { orgApiRoute } from "@/lib/http/api-handler";

// DELETE /api/organizations/{orgId}/service-accounts/{clientId}
export const DELETE = orgApiRoute({ permission: "serviceAccounts.manage" }, async ({ actor, access, params }) => {
  await deleteServiceAccount(actor, access.org.slug, params.clientId);
  return { status: 204 };
});

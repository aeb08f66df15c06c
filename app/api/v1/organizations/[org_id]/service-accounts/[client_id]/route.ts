import { deleteServiceAccount } from "@/lib/domain/service-accounts/delete-service-account";
import { v1MethodNotAllowed } from "@/lib/http/v1/errors";
import { v1OrgRoute } from "@/lib/http/v1/route";

// DELETE /api/v1/organizations/{org_id}/service-accounts/{client_id} (delete_service_account)
export const DELETE = v1OrgRoute({ permission: "serviceAccounts.manage" }, async ({ actor, access, params }) => {
  await deleteServiceAccount(actor, access.org.slug, params.client_id);
  return { status: 204 };
});

const other = v1MethodNotAllowed("DELETE");
export { other as GET, other as POST, other as PUT, other as PATCH };

import { deleteServiceAccount } from "@/lib/domain/service-accounts/delete-service-account";
import { orgApiRoute } from "@/lib/http/api-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// DELETE /api/organizations/{orgId}/service-accounts/{clientId}
export const DELETE = orgApiRoute({ permission: "serviceAccounts.manage" }, async ({ actor, access, params }) => {
  await deleteServiceAccount(actor, access.org.slug, params.clientId);
  return { status: 204 };
});

const other = methodNotAllowed("DELETE");
export { other as GET, other as POST, other as PUT, other as PATCH };

import type { Metadata } from "next";
import { NoAccess } from "@/components/portal/no-access";
import { ServiceAccountsTable } from "@/components/service-accounts/service-accounts-table";
import { CreateServiceAccountDialog } from "@/components/service-accounts/create-service-account-dialog";
import { PageHeader } from "@/components/ui/card";
import { listServiceAccounts } from "@/lib/domain/service-accounts/list-service-accounts";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Service Accounts" };

export default async function ServiceAccountsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("serviceAccounts.manage")) return <NoAccess>Only Account Admins manage service accounts.</NoAccess>;
  const accounts = await listServiceAccounts(user, org.slug);
  return (
    <>
      <PageHeader
        title="Service Accounts"
        description="Machine credentials for scripts and pipelines that manage this organization through the API."
        actions={<CreateServiceAccountDialog orgId={org.slug} />}
      />
      <ServiceAccountsTable orgId={org.slug} accounts={accounts} />
      <p className="mt-4 text-sm text-zinc-600">
        Exchange a client ID and secret for an access token at <code className="font-mono">POST /api/oauth/token</code> with{" "}
        <code className="font-mono">grant_type=client_credentials</code>. See the{" "}
        <a href="/docs/api" className="font-medium text-indigo-700 hover:underline">
          API reference
        </a>
        .
      </p>
    </>
  );
}

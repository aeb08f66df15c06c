import type { Metadata } from "next";
import { NoSeat } from "@/components/tokens/no-seat";
import { TokenAccessPanel } from "@/components/tokens/token-access-panel";
import { NoAccess } from "@/components/portal/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { getTokenAccess } from "@/lib/domain/tokens/member/get-token-access";
import { formatExpiry } from "@/lib/domain/tokens/member/token-rules";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Token Access" };

const fmt = (d: Date | null | undefined) => (d ? formatExpiry(d) : null);

export default async function TokenAccessPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, can } = await getOrgContext(orgId);
  if (!can("tokens.self")) return <NoAccess>Ask an Account Admin of this organization if you need it.</NoAccess>;
  const view = await getTokenAccess(user, orgId);
  const header = (
    <PageHeader
      title="Token Access"
      description="Your personal access token downloads this organization's packages (for example with conda)."
    />
  );
  if (!view.seated) {
    return (
      <>
        {header}
        <NoSeat orgName={view.org.name} admins={view.admins} />
      </>
    );
  }
  if (!view.subscription?.active) {
    return (
      <>
        {header}
        <Card className="p-6">
          <h2 className="text-base font-semibold text-zinc-900">No active subscription</h2>
          <p className="mt-2 text-sm text-zinc-700">
            {view.org.name} has no active subscription, so tokens cannot be issued and existing tokens do not work. Ask a Billing Manager or
            Account Admin to renew it.
          </p>
        </Card>
      </>
    );
  }
  const token = view.token && {
    last4: view.token.last4,
    status: view.token.status,
    createdAt: fmt(view.token.createdAt)!,
    expiresAt: fmt(view.token.expiresAt)!,
    lastUsedAt: fmt(view.token.lastUsedAt),
    useCount: view.token.useCount,
  };
  return (
    <>
      {header}
      <TokenAccessPanel
        orgId={view.org.slug}
        token={token}
        periodEnd={view.subscription.periodEnd.toISOString()}
        periodEndLabel={fmt(view.subscription.periodEnd)!}
      />
    </>
  );
}

import type { Metadata } from "next";
import { LeaveOrganization } from "@/components/members/leave-organization";
import { OrgProfileForm } from "@/components/organizations/org-profile-form";
import { TwoFactorPolicy } from "@/components/organizations/two-factor-policy";
import { DirectorySyncSection } from "@/components/organizations/profile-sections/directory-sync-section";
import { DomainsSection } from "@/components/organizations/profile-sections/domains-section";
import { SingleSignOnSection } from "@/components/organizations/profile-sections/single-sign-on-section";
import { WebhooksSection } from "@/components/organizations/profile-sections/webhooks-section";
import { Card, PageHeader } from "@/components/ui/card";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Org Profile" };

export default async function OrgProfilePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { org, can } = await getOrgContext(orgId);
  return (
    <>
      <PageHeader title="Org Profile" description="Your organization's name, identity and settings." />
      <Card className="p-6">
        <OrgProfileForm
          orgId={org.slug}
          name={org.name}
          createdAt={org.createdAt.toISOString()}
          cloudStorage={org.cloudStorage}
          cloudNotebooks={org.cloudNotebooks}
          canEdit={can("org.update") && can("settings.update")}
        />
      </Card>
      <Card className="mt-6 p-6">
        <h2 className="text-base font-semibold text-zinc-900">Security</h2>
        <TwoFactorPolicy orgId={org.slug} required={org.requireTwoFactor} canEdit={can("settings.update")} />
      </Card>
      {/* Enterprise identity and integrations: each section shows its own heading, to admins only. */}
      <DomainsSection orgId={org.slug} canManage={can("settings.update")} />
      <SingleSignOnSection orgId={org.slug} canManage={can("settings.update")} />
      <DirectorySyncSection orgId={org.slug} canManage={can("settings.update")} />
      <WebhooksSection orgId={org.slug} canManage={can("settings.update")} />
      <LeaveOrganization orgId={org.slug} orgName={org.name} canLeave={can("org.leave")} />
    </>
  );
}

import type { Metadata } from "next";
import { OverviewFigures } from "@/components/overview/overview-figures";
import { DownloadsPanel, RecentActivityPanel, TopPackagesPanel } from "@/components/overview/overview-panels";
import { PageHeader } from "@/components/ui/card";
import { getOverview } from "@/lib/domain/overview/get-overview";
import { getOrgContext } from "./org-context";

export const metadata: Metadata = { title: "Overview" };

// GET /organizations/{orgId}: the org's first page. Each part shows only to roles that may
// read the page behind it (the use case leaves the others out).
export default async function OverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  const overview = await getOverview(user, org.slug);
  return (
    <>
      <PageHeader title="Overview" description={`${org.name} at a glance: seats, members, package downloads and recent changes.`} />
      <div className="flex flex-col gap-8">
        <OverviewFigures orgId={org.slug} overview={overview} />
        {overview.packages && <DownloadsPanel orgId={org.slug} packages={overview.packages} canManage={can("channels.manage")} />}
        {(overview.packages || overview.activity) && (
          <div className="grid gap-8 xl:grid-cols-2">
            {overview.packages && <TopPackagesPanel orgId={org.slug} packages={overview.packages} />}
            {overview.activity && <RecentActivityPanel orgId={org.slug} entries={overview.activity} />}
          </div>
        )}
      </div>
    </>
  );
}

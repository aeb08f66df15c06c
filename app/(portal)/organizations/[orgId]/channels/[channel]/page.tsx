import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteChannelButton } from "@/components/channels/delete-channel-button";
import { EditChannelDialog } from "@/components/channels/edit-channel-dialog";
import { PackagesPager } from "@/components/channels/packages-pager";
import { PackagesTable } from "@/components/channels/packages-table";
import { UploadPackages } from "@/components/channels/upload-packages";
import { NoAccess } from "@/components/portal/no-access";
import { PageHeader } from "@/components/ui/card";
import { appUrl } from "@/lib/config";
import { listGroups } from "@/lib/domain/groups/list-groups";
import { listPackagesPage } from "@/lib/domain/packages/list-packages";
import { AppError } from "@/lib/errors";
import { getOrgContext } from "../../org-context";

export const metadata: Metadata = { title: "Channel" };

export default async function ChannelPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; channel: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
}) {
  const [{ orgId, channel: name }, { after }] = await Promise.all([params, searchParams]);
  const { user, org, can } = await getOrgContext(orgId);
  let page;
  try {
    page = await listPackagesPage(user, org.slug, decodeURIComponent(name), { after: typeof after === "string" ? after : undefined });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    if (err instanceof AppError && err.code === "forbidden") return <NoAccess>{err.message}</NoAccess>;
    throw err;
  }
  const manage = can("channels.manage");
  const { channel, packages, next } = page;
  const groups = manage ? await listGroups(user, org.slug) : [];
  const access = channel.access === "all_seated" ? "All seated members" : `Selected groups: ${channel.groups.map((g) => g.name).join(", ") || "none yet"}`;
  return (
    <>
      <PageHeader
        title={channel.name}
        description={channel.description || undefined}
        actions={
          manage ? (
            <div className="flex flex-wrap gap-2">
              <EditChannelDialog
                orgId={org.slug}
                channel={{ name: channel.name, description: channel.description, access: channel.access, groupIds: channel.groups.map((g) => g.id) }}
                groups={groups.map((g) => ({ id: g.id, name: g.name }))}
              />
              <UploadPackages orgId={org.slug} channel={channel.name} />
              <DeleteChannelButton orgId={org.slug} channel={channel.name} />
            </div>
          ) : undefined
        }
      />
      <dl className="mb-6 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-zinc-700">Access</dt>
        <dd className="text-zinc-900">{access}</dd>
        <dt className="font-medium text-zinc-700">Install with</dt>
        <dd>
          <code className="block rounded bg-zinc-100 px-2 py-1 font-mono text-xs break-all text-zinc-900">
            conda install -c {appUrl()}/t/&lt;your token&gt;/{channel.name} &lt;package&gt;
          </code>
        </dd>
      </dl>
      <PackagesTable orgId={org.slug} channel={channel.name} packages={packages} canManage={manage} />
      <PackagesPager base={`/organizations/${org.slug}/channels/${channel.name}`} total={channel.package_count} shown={packages.length} first={!after} next={next} />
    </>
  );
}

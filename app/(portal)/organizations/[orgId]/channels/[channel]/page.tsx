import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteChannelButton } from "@/components/channels/delete-channel-button";
import { PackagesTable } from "@/components/channels/packages-table";
import { UploadPackages } from "@/components/channels/upload-packages";
import { NoAccess } from "@/components/portal/no-access";
import { PageHeader } from "@/components/ui/card";
import { appUrl } from "@/lib/config";
import { getChannel } from "@/lib/domain/channels/get-channel";
import { listPackages } from "@/lib/domain/packages/list-packages";
import { AppError } from "@/lib/errors";
import { getOrgContext } from "../../org-context";

export const metadata: Metadata = { title: "Channel" };

export default async function ChannelPage({ params }: { params: Promise<{ orgId: string; channel: string }> }) {
  const { orgId, channel: name } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  let channel;
  try {
    channel = (await getChannel(user, org.slug, decodeURIComponent(name))).json;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    if (err instanceof AppError && err.code === "forbidden") return <NoAccess>{err.message}</NoAccess>;
    throw err;
  }
  const manage = can("channels.manage");
  const packages = await listPackages(user, org.slug, channel.name);
  const access = channel.access === "all_seated" ? "All seated members" : `Selected groups: ${channel.groups.map((g) => g.name).join(", ") || "none yet"}`;
  return (
    <>
      <PageHeader
        title={channel.name}
        description={channel.description || undefined}
        actions={
          manage ? (
            <div className="flex gap-2">
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
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { CreateChannelDialog } from "@/components/channels/create-channel-dialog";
import { NoAccess } from "@/components/portal/no-access";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { listGroups } from "@/lib/domain/groups/list-groups";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("channels.read")) return <NoAccess>Channels are for members of this organization.</NoAccess>;
  const manage = can("channels.manage");
  const [channels, groups] = await Promise.all([listChannels(user, org.slug), manage ? listGroups(user, org.slug) : Promise.resolve([])]);
  return (
    <>
      <PageHeader
        title="Channels"
        description={manage ? "The organization's conda channels: publish packages and choose who reads them." : "The channels your seat lets you install from."}
        actions={manage ? <CreateChannelDialog orgId={org.slug} groups={groups} /> : undefined}
      />
      {channels.length === 0 ? (
        <EmptyState title="No channels to show">
          {manage ? "Create a channel, then upload packages to it." : "You need a seat (and, for some channels, a group) to read this organization's channels."}
        </EmptyState>
      ) : (
        <Table aria-label="Channels">
          <THead>
            <tr>
              <Th>Channel</Th>
              <Th>Description</Th>
              <Th>Access</Th>
              <Th>Packages</Th>
            </tr>
          </THead>
          <TBody>
            {channels.map((c) => (
              <tr key={c.name}>
                <Td>
                  <Link href={`/organizations/${org.slug}/channels/${c.name}`} className="font-medium text-indigo-700 hover:underline">
                    {c.name}
                  </Link>
                </Td>
                <Td>{c.description || "—"}</Td>
                <Td>
                  {c.access === "all_seated" ? (
                    <Badge>All seated members</Badge>
                  ) : (
                    <Badge>Selected groups{c.groups.length ? `: ${c.groups.map((g) => g.name).join(", ")}` : ""}</Badge>
                  )}
                </Td>
                <Td>{c.package_count}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

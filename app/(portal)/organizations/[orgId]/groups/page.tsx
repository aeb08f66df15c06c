import type { Metadata } from "next";
import Link from "next/link";
import { CreateGroupDialog } from "@/components/groups/create-group-dialog";
import { NoAccess } from "@/components/portal/no-access";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { listGroups } from "@/lib/domain/groups/list-groups";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("groups.manage")) return <NoAccess>Only Account Admins manage groups.</NoAccess>;
  const groups = await listGroups(user, org.slug);
  return (
    <>
      <PageHeader
        title="Groups"
        description="Give channels with Selected groups to the members of these groups."
        actions={<CreateGroupDialog orgId={org.slug} />}
      />
      {groups.length === 0 ? (
        <EmptyState title="No groups yet">Create a group, add members, then choose it for a channel.</EmptyState>
      ) : (
        <Table aria-label="Groups">
          <THead>
            <tr>
              <Th>Group</Th>
              <Th>Members</Th>
            </tr>
          </THead>
          <TBody>
            {groups.map((g) => (
              <tr key={g.id}>
                <Td>
                  <Link href={`/organizations/${org.slug}/groups/${g.id}`} className="font-medium text-indigo-700 hover:underline">
                    {g.name}
                  </Link>
                </Td>
                <Td>{g.member_count}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GroupMembers } from "@/components/groups/group-members";
import { NoAccess } from "@/components/portal/no-access";
import { PageHeader } from "@/components/ui/card";
import { listGroupCandidates, listGroupMembers } from "@/lib/domain/groups/list-groups";
import { AppError } from "@/lib/errors";
import { getOrgContext } from "../../org-context";

export const metadata: Metadata = { title: "Group" };

export default async function GroupPage({ params }: { params: Promise<{ orgId: string; groupId: string }> }) {
  const { orgId, groupId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("groups.manage")) return <NoAccess>Only Account Admins manage groups.</NoAccess>;
  const loaded = await Promise.all([listGroupMembers(user, org.slug, groupId), listGroupCandidates(user, org.slug, groupId)]).catch(
    (err: unknown) => {
      if (err instanceof AppError && err.code === "not_found") return null;
      throw err;
    },
  );
  if (!loaded) notFound();
  const [{ group, members }, candidates] = loaded;
  return (
    <>
      <PageHeader title={group.name} description={`${members.length} member${members.length === 1 ? "" : "s"}`} />
      <GroupMembers orgId={org.slug} groupId={group.id} groupName={group.name} members={members} candidates={candidates} />
    </>
  );
}

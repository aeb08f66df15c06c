import type { Metadata } from "next";
import { InvitationsView } from "@/components/invitations/invitations-view";
import { InviteMembersDialog } from "@/components/invitations/invite-members-dialog";
import { NoAccess } from "@/components/portal/no-access";
import { PageHeader } from "@/components/ui/card";
import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("invitations.manage")) return <NoAccess>Only Account Admins can see and send invitations.</NoAccess>;
  const { q, page } = await searchParams;
  const initial = await listInvitations(user, org.slug, { q: q?.slice(0, 254), page: Number(page) > 0 ? Number(page) : 1 });
  return (
    <>
      <PageHeader
        title="Invitations"
        description="People invited to this organization who have not joined yet. Invitations are valid for 7 days from when they were last sent."
        actions={<InviteMembersDialog orgId={org.slug} canInviteAdmin={can("invitations.inviteAdmin")} />}
      />
      <InvitationsView orgId={org.slug} initial={initial} />
    </>
  );
}

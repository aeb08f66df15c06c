import type { Metadata } from "next";
import { UsersTable } from "@/components/members/users-table";
import { PageHeader } from "@/components/ui/card";
import { listMembers } from "@/lib/domain/members/list-members";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  const manage = can("members.manage");
  // The first page renders on the server; TanStack Query takes over for every refresh.
  const initial = await listMembers(user, org.slug);
  return (
    <>
      <PageHeader
        title={manage ? "Manage Members" : "View Members"}
        description={
          manage
            ? "Everyone in this organization: assign and revoke seats, change roles, remove members."
            : "Everyone in this organization, with their role and seat. Only Account Admins can change them."
        }
      />
      <UsersTable
        orgId={org.slug}
        currentUserId={user.userId}
        canManage={manage}
        canSeeSubscription={can("subscription.read")}
        initial={initial}
      />
    </>
  );
}

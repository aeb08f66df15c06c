import type { Metadata } from "next";
import { AccountStatusButton } from "@/components/admin/account-status-button";
import { PageLinks } from "@/components/admin/page-links";
import { SearchForm } from "@/components/admin/search-form";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { requireSessionUser } from "@/lib/auth/session";
import { listInstanceUsers } from "@/lib/domain/instance/list-instance";
import { asInstanceAdmin, readSearch, type SearchParams } from "../admin-data";

export const metadata: Metadata = { title: "Users" };

// GET /admin/users: every account that can sign in; Disable Account / Enable Account.
export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSessionUser("/admin/users");
  const search = await readSearch(searchParams);
  const { rows, total, page, pageSize } = await asInstanceAdmin(() => listInstanceUsers(user, search));
  return (
    <>
      <PageHeader
        title="Users"
        description="Every account on this instance. A disabled account cannot sign in, and its sessions and tokens stop at once."
      />
      <SearchForm label="Search users" value={search.q} placeholder="Name or email" />
      {rows.length === 0 ? (
        <EmptyState title={search.q ? "No account matches this search" : "No accounts yet"}>
          {search.q ? "Try part of the name or the email address." : null}
        </EmptyState>
      ) : (
        <Table>
          <caption className="sr-only">Accounts, newest first</caption>
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th className="text-right">Organizations</Th>
              <Th>Status</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((u) => (
              <tr key={u.id}>
                <Td className="font-medium text-zinc-900">{u.name}</Td>
                <Td className="whitespace-nowrap">{u.email}</Td>
                <Td className="text-right tabular-nums">{u.orgs.toLocaleString("en")}</Td>
                <Td className="whitespace-nowrap">
                  {u.disabledAt ? (
                    <Badge className="bg-red-100 text-red-800">Disabled</Badge>
                  ) : (
                    <Badge className="bg-green-100 text-green-800">Active</Badge>
                  )}
                  {u.instanceAdmin && <Badge className="ml-1 bg-indigo-100 text-indigo-800">Instance admin</Badge>}
                </Td>
                <Td className="whitespace-nowrap text-zinc-700">
                  {u.createdAt.toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" })}
                </Td>
                <Td className="text-right whitespace-nowrap">
                  {u.id === user.userId ? (
                    <span className="text-xs text-zinc-600">You</span>
                  ) : (
                    <AccountStatusButton userId={u.id} email={u.email ?? u.name} disabled={!!u.disabledAt} />
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <PageLinks basePath="/admin/users" q={search.q} page={page} pageSize={pageSize} total={total} />
    </>
  );
}

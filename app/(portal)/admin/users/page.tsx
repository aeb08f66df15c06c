import type { Metadata } from "next";
import { AccountStatusButton } from "@/components/admin/account-status-button";
import { AdminList } from "@/components/admin/admin-list";
import { Badge } from "@/components/ui/card";
import { Td } from "@/components/ui/table";
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
    <AdminList
      title="Users"
      description="Every account on this instance. A disabled account cannot sign in, and its sessions and tokens stop at once."
      basePath="/admin/users"
      search={{ label: "Search users", placeholder: "Name or email", q: search.q }}
      caption="Accounts, newest first"
      columns={[
        { label: "Name" },
        { label: "Email" },
        { label: "Organizations", align: "right" },
        { label: "Status" },
        { label: "Created" },
        { label: "Actions", hidden: true },
      ]}
      empty={{
        searched: { title: "No account matches this search", hint: "Try part of the name or the email address." },
        none: { title: "No accounts yet" },
      }}
      page={{ page, pageSize, total, rows: rows.length }}
    >
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
    </AdminList>
  );
}

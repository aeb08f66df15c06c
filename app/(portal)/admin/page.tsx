import type { Metadata } from "next";
import { AdminList } from "@/components/admin/admin-list";
import { SubscriptionDialog } from "@/components/admin/subscription-dialog";
import { Badge } from "@/components/ui/card";
import { Td } from "@/components/ui/table";
import { requireSessionUser } from "@/lib/auth/session";
import { listInstanceOrganizations } from "@/lib/domain/instance/list-instance";
import { asInstanceAdmin, readSearch, type SearchParams } from "./admin-data";

export const metadata: Metadata = { title: "Organizations" };

const day = (d: Date) => d.toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" });

// GET /admin: every organization on the instance, with members, seats and subscription.
export default async function AdminOrganizationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSessionUser("/admin");
  const search = await readSearch(searchParams);
  const { rows, total, page, pageSize } = await asInstanceAdmin(() => listInstanceOrganizations(user, search));
  return (
    <AdminList
      title="Organizations"
      description="Every organization on this instance. Grant or change a subscription without payment."
      basePath="/admin"
      search={{ label: "Search organizations", placeholder: "Name or Organization ID", q: search.q }}
      caption="Organizations, newest first"
      columns={[
        { label: "Organization" },
        { label: "Members", align: "right" },
        { label: "Seats", align: "right" },
        { label: "Subscription" },
        { label: "Actions", hidden: true },
      ]}
      empty={{
        searched: { title: "No organization matches this search", hint: "Try part of the name or the Organization ID." },
        none: { title: "No organizations yet", hint: "Organizations appear here once someone forms one." },
      }}
      page={{ page, pageSize, total, rows: rows.length }}
    >
      {rows.map((o) => (
        <tr key={o.id}>
          <Td>
            <span className="block font-medium text-zinc-900">{o.name}</span>
            <span className="block text-xs text-zinc-600">{o.slug}</span>
          </Td>
          <Td className="text-right tabular-nums">{o.members.toLocaleString("en")}</Td>
          <Td className="text-right whitespace-nowrap tabular-nums">
            {o.seats ? `${o.seated.toLocaleString("en")} of ${o.seats.toLocaleString("en")}` : o.seated.toLocaleString("en")}
          </Td>
          <Td className="whitespace-nowrap">
            {o.seats && o.periodEnd ? (
              <>
                <Badge className={o.status === "active" ? "bg-green-100 text-green-800" : undefined}>
                  {o.status === "active" ? "Active" : o.status === "lapsed" ? "Lapsed" : "Canceled"}
                </Badge>{" "}
                <span className="text-zinc-700">
                  {o.billingCycle === "yearly" ? "Yearly" : "Monthly"}, until {day(o.periodEnd)}
                </span>
              </>
            ) : (
              <span className="text-zinc-600">None</span>
            )}
          </Td>
          <Td className="text-right">
            <SubscriptionDialog
              orgSlug={o.slug}
              orgName={o.name}
              assigned={o.seated}
              current={
                o.seats && o.billingCycle && o.periodEnd
                  ? { seats: o.seats, billingCycle: o.billingCycle, periodEnd: o.periodEnd.toISOString() }
                  : null
              }
            />
          </Td>
        </tr>
      ))}
    </AdminList>
  );
}

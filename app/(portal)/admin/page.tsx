import type { Metadata } from "next";
import { PageLinks } from "@/components/admin/page-links";
import { SearchForm } from "@/components/admin/search-form";
import { SubscriptionDialog } from "@/components/admin/subscription-dialog";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
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
    <>
      <PageHeader
        title="Organizations"
        description="Every organization on this instance. Grant or change a subscription without payment."
      />
      <SearchForm label="Search organizations" value={search.q} placeholder="Name or Organization ID" />
      {rows.length === 0 ? (
        <EmptyState title={search.q ? "No organization matches this search" : "No organizations yet"}>
          {search.q ? "Try part of the name or the Organization ID." : "Organizations appear here once someone forms one."}
        </EmptyState>
      ) : (
        <Table>
          <caption className="sr-only">Organizations, newest first</caption>
          <THead>
            <tr>
              <Th>Organization</Th>
              <Th className="text-right">Members</Th>
              <Th className="text-right">Seats</Th>
              <Th>Subscription</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
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
          </TBody>
        </Table>
      )}
      <PageLinks basePath="/admin" q={search.q} page={page} pageSize={pageSize} total={total} />
    </>
  );
}

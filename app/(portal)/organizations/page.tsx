import type { Metadata } from "next";
import Link from "next/link";
import { JoinOrganizationButton } from "@/components/domains/join-organization-button";
import { NewOrganizationDialog } from "@/components/organizations/new-organization-dialog";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { roleLabels } from "@/lib/authz/policy";
import { instanceAllowances } from "@/lib/domain/instance/instance-rules";
import { listJoinableOrganizations } from "@/lib/domain/domains/join-organization";
import { listMyOrganizations } from "@/lib/domain/organizations/list-my-organizations";

export const metadata: Metadata = { title: "Organizations" };

export default async function OrganizationsPage() {
  const user = await requireSessionUser("/organizations");
  const [orgs, { mayCreateOrganization }, joinable] = await Promise.all([
    listMyOrganizations(user),
    instanceAllowances(user.userId),
    listJoinableOrganizations(user),
  ]);
  return (
    <main className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <PageHeader
        title="Organizations"
        description={
          mayCreateOrganization
            ? "The organizations you belong to."
            : "The organizations you belong to. On this instance, instance admins create organizations: ask one to form yours."
        }
        actions={mayCreateOrganization ? <NewOrganizationDialog /> : undefined}
      />
      {joinable.length > 0 && (
        <Card className="mb-6">
          <section aria-labelledby="joinable-heading" className="px-5 py-4">
            <h2 id="joinable-heading" className="text-base font-semibold text-zinc-900">
              Organizations you can join
            </h2>
            <p className="mt-1 text-sm text-zinc-600">They have verified the domain of your email address and let its people join.</p>
            <ul className="mt-2 divide-y divide-zinc-200" aria-label="Organizations you can join">
              {joinable.map((org) => (
                <li key={org.id} className="flex items-center justify-between gap-4 py-3">
                  <span>
                    <span className="block font-medium text-zinc-900">{org.name}</span>
                    <span className="block text-sm text-zinc-600">
                      {org.orgId} · {org.domain}
                    </span>
                  </span>
                  <JoinOrganizationButton orgId={org.orgId} name={org.name} />
                </li>
              ))}
            </ul>
          </section>
        </Card>
      )}
      {orgs.length === 0 ? (
        <EmptyState title="You are not in any organization yet">
          {mayCreateOrganization
            ? "Form a new organization to invite your team, or open an invitation link from your email."
            : "Open an invitation link from your email, or ask an instance admin to form an organization for you."}
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-zinc-200" aria-label="Your organizations">
            {orgs.map((org) => (
              <li key={org.id}>
                <Link href={`/organizations/${org.orgId}`} className="flex items-center justify-between gap-4 px-5 py-4 hover:bg-zinc-50">
                  <span>
                    <span className="block font-medium text-zinc-900">{org.name}</span>
                    <span className="block text-sm text-zinc-600">{org.orgId}</span>
                  </span>
                  <Badge>{roleLabels[org.role]}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </main>
  );
}

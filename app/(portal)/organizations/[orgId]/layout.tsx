import type { ReactNode } from "react";
import { OrgNav } from "@/components/portal/org-nav";
import { roleLabels } from "@/lib/authz/policy";
import { visibleNavItems } from "@/lib/org-nav";
import { getOrgContext } from "./org-context";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { org, principal, role } = await getOrgContext(orgId);
  const items = visibleNavItems(principal).map(({ label, segment }) => ({ label, segment }));
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6 md:flex-row">
      <aside className="md:w-56 md:shrink-0">
        <div className="mb-4 px-3">
          <p className="truncate font-semibold text-zinc-900">{org.name}</p>
          <p className="truncate text-xs text-zinc-600">
            {org.slug}
            {role && ` · ${roleLabels[role]}`}
          </p>
        </div>
        <OrgNav orgId={org.slug} items={items} />
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}

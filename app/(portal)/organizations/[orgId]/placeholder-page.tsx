import { ComingSoon } from "@/components/portal/coming-soon";
import { NoAccess } from "@/components/portal/no-access";
import type { Permission } from "@/lib/authz/policy";
import { getOrgContext } from "./org-context";

type Props = { title: string; description: string; items: string[]; permission: Permission };

/** Builds the page for an org section that is not built yet, still guarded by the policy table. */
export function placeholderPage({ permission, ...content }: Props) {
  return async function PlaceholderPage({ params }: { params: Promise<{ orgId: string }> }) {
    const { orgId } = await params;
    const { can } = await getOrgContext(orgId);
    if (!can(permission)) return <NoAccess>Ask an Account Admin of this organization if you need it.</NoAccess>;
    return <ComingSoon {...content} />;
  };
}

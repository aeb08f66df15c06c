import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { requireSessionUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/authz/policy";
import { loadOrgAccess } from "@/lib/domain/organizations/org-access";
import { AppError } from "@/lib/errors";

/** The signed-in user's access to this org, loaded once per request; non-members get a 404. */
export const getOrgContext = cache(async (orgId: string) => {
  const user = await requireSessionUser(`/organizations/${orgId}`);
  try {
    const access = await loadOrgAccess(user, orgId);
    return { user, ...access, can: (permission: Permission) => can(access.principal, permission) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    // The org requires two-factor authentication and this member has none yet.
    if (err instanceof AppError && err.reason === "mfa_required") redirect(`/two-factor-required?org=${encodeURIComponent(orgId)}`);
    throw err;
  }
});

"use server";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { toActionResult } from "@/lib/actions/result";
import { addDomain } from "@/lib/domain/domains/add-domain";
import { joinOrganization } from "@/lib/domain/domains/join-organization";
import { removeDomain } from "@/lib/domain/domains/remove-domain";
import { setDomainJoin } from "@/lib/domain/domains/set-domain-join";
import { verifyDomain } from "@/lib/domain/domains/verify-domain";

const profile = (orgId: string) => revalidatePath(`/organizations/${orgId}/profile`);

export async function addDomainAction(orgId: string, domain: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const added = await addDomain(actor, orgId, { domain });
    profile(orgId);
    return added;
  });
}

export async function verifyDomainAction(orgId: string, domain: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const result = await verifyDomain(actor, orgId, domain);
    if (result.outcome === "verified") profile(orgId);
    return result;
  });
}

export async function removeDomainAction(orgId: string, domain: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const removed = await removeDomain(actor, orgId, domain);
    profile(orgId);
    return removed;
  });
}

export async function setDomainJoinAction(orgId: string, allowed: boolean) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const done = await setDomainJoin(actor, orgId, { allowed });
    profile(orgId);
    return done;
  });
}

/** Join from /organizations: the new membership shows in the list at once. */
export async function joinOrganizationAction(orgId: string) {
  const actor = await requireSessionUser();
  return toActionResult(async () => {
    const joined = await joinOrganization(actor, orgId);
    revalidatePath("/organizations");
    return joined;
  });
}

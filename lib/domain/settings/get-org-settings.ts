import type { Actor } from "@/lib/authz/actor";
import { loadOrgAccess } from "../organizations/org-access";

/** The org's settings for admins and its service accounts (GET .../settings); read fresh every call. */
export async function getOrgSettings(actor: Actor, orgSlug: string) {
  const { org } = await loadOrgAccess(actor, orgSlug, "settings.read");
  return {
    org_id: org.id,
    organization_id: org.slug,
    name: org.name,
    cloud_storage: org.cloudStorage,
    cloud_notebooks: org.cloudNotebooks,
  };
}

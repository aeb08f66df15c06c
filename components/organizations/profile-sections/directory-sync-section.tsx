import { Card } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { getScimSettings } from "@/lib/domain/scim/scim-token";
import { DirectorySyncPanel } from "./directory-sync-panel";

// The "Directory Sync" section of Org Profile (admins): the SCIM base URL and the org's SCIM token.
export async function DirectorySyncSection({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  if (!canManage) return null;
  const settings = await getScimSettings(await requireSessionUser(), orgId);
  return (
    <Card className="mt-6 p-6">
      <section aria-labelledby="directory-sync-heading">
        <h2 id="directory-sync-heading" className="text-base font-semibold text-zinc-900">
          Directory Sync
        </h2>
        <p className="mt-1 text-sm text-zinc-700">
          Let your identity provider (Microsoft Entra ID, Okta, …) add, update and deactivate members and groups over SCIM 2.0.
        </p>
        <DirectorySyncPanel orgId={orgId} baseUrl={settings.baseUrl} token={settings.token} />
      </section>
    </Card>
  );
}

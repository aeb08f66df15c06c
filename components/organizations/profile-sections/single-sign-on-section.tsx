import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { getSsoConnection } from "@/lib/domain/sso/get-sso-connection";
import { SsoConnectionForm } from "./sso-connection-form";

// The "Single Sign-On" section of Org Profile (admins): the org's OpenID Connect connection.
export async function SingleSignOnSection({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  if (!canManage) return null;
  const actor = await getSessionUser();
  if (!actor) return null;
  const connection = await getSsoConnection(actor, orgId);
  return (
    <Card className="mt-6 p-6" aria-labelledby="sso-heading">
      <h2 id="sso-heading" className="text-base font-semibold text-zinc-900">
        Single Sign-On
      </h2>
      <p className="mt-1 text-sm text-zinc-600">
        People whose email is in one of this organization&apos;s verified domains can use <strong>Sign in with SSO</strong> through your
        OpenID Connect identity provider. Their first sign-in creates their account and makes them a Member, without a seat.
      </p>
      <SsoConnectionForm orgId={orgId} initial={connection} />
    </Card>
  );
}

"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";

export function AcceptInvitationButton({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = async () => {
    setBusy(true);
    setError(null);
    const result = await acceptInvitationAction(token);
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
      router.refresh();
      return;
    }
    toast.success(`You joined ${orgName}.`);
    router.push(`/organizations/${result.data.orgSlug}`);
    router.refresh();
  };
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button className="w-full" onClick={accept} disabled={busy}>
        {busy ? "Joining…" : "Accept Invitation"}
      </Button>
    </div>
  );
}

/** Signed in with another account: sign out and come back to sign in with the invited address. */
export function SwitchAccountButton({ email, returnTo }: { email: string; returnTo: string }) {
  return (
    <Button
      variant="secondary"
      className="w-full"
      onClick={() =>
        void signOut({ callbackUrl: `/sign-in?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(returnTo)}` })
      }
    >
      Sign Out and Switch Account
    </Button>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { joinOrganizationAction } from "@/lib/actions/domains";

/** Join an org that verified this account's email domain; opens the org once joined. */
export function JoinOrganizationButton({ orgId, name }: { orgId: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      disabled={busy}
      aria-label={`Join ${name}`}
      onClick={async () => {
        setBusy(true);
        const result = await joinOrganizationAction(orgId);
        setBusy(false);
        if (!result.ok) return void toast.error(result.error);
        toast.success(`You joined ${result.data.name} as a Member.`);
        router.push(`/organizations/${result.data.orgId}`);
      }}
    >
      {busy ? "Joining…" : "Join"}
    </Button>
  );
}

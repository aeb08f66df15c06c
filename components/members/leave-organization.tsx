"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { leaveOrganizationAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Leave <Organization Name> Organization for those who may leave; admins are told why they cannot. */
export function LeaveOrganization({ orgId, orgName, canLeave }: { orgId: string; orgName: string; canLeave: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const label = `Leave ${orgName} Organization`;
  return (
    <Card className="mt-6 p-6">
      <h2 className="text-base font-semibold text-zinc-900">Leave this organization</h2>
      {canLeave ? (
        <>
          <p className="mt-1 text-sm text-zinc-600">You lose access at once; your seat and token are revoked.</p>
          <Button variant="danger" className="mt-4" onClick={() => setOpen(true)}>
            {label}
          </Button>
          <ConfirmDialog
            open={open}
            onOpenChange={setOpen}
            title={`Leave ${orgName}?`}
            description="You lose access to this organization at once, and your seat and token are revoked. To come back, you need a new invitation."
            confirmLabel="Leave"
            destructive
            onConfirm={async () => {
              const result = await leaveOrganizationAction(orgId);
              if (!result.ok) {
                toast.error(result.error);
                return;
              }
              toast.success(`You left ${result.data.orgName}.`);
              router.push("/organizations");
              router.refresh();
            }}
          />
        </>
      ) : (
        <p className="mt-1 text-sm text-zinc-600">
          Account Admins cannot leave an organization. Another Account Admin must first make you a Member or Billing Manager.
        </p>
      )}
    </Card>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setAccountDisabledAction } from "@/lib/actions/instance";

/** Disable Account / Enable Account, each after a confirmation that says what happens. */
export function AccountStatusButton({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const label = disabled ? "Enable Account" : "Disable Account";
  return (
    <>
      <Button variant={disabled ? "secondary" : "danger"} size="sm" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={disabled ? `Enable ${email}?` : `Disable ${email}?`}
        description={
          disabled
            ? "The person can sign in again, and their API access tokens and member tokens work again where they are otherwise valid."
            : "The person is signed out everywhere and cannot sign in. Their API access tokens and member tokens stop working on the next request. Nothing is deleted: Enable Account undoes this."
        }
        confirmLabel={label}
        destructive={!disabled}
        onConfirm={async () => {
          const result = await setAccountDisabledAction(userId, !disabled);
          if (result.ok) toast.success(result.data.message);
          else toast.error(result.error);
          router.refresh();
        }}
      />
    </>
  );
}

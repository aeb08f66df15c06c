"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type BulkMode = "assign" | "revoke" | null;

/**
 * Assign Seats / Revoke Seats turn on the checkboxes; then Assign Users / Revoke Seats asks
 * for confirmation (Assign / Revoke) before anything changes.
 */
export function BulkSeatsToolbar(props: {
  mode: BulkMode;
  selectedCount: number;
  onStart: (mode: "assign" | "revoke") => void;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const { mode, selectedCount: n } = props;
  if (!mode) {
    return (
      <div className="ml-auto flex gap-2">
        <Button variant="secondary" onClick={() => props.onStart("assign")}>
          Assign Seats
        </Button>
        <Button variant="secondary" onClick={() => props.onStart("revoke")}>
          Revoke Seats
        </Button>
      </div>
    );
  }
  const users = `${n} ${n === 1 ? "user" : "users"}`;
  return (
    <div className="ml-auto flex items-center gap-2">
      <span className="text-sm text-zinc-700" aria-live="polite">
        {n} selected
      </span>
      <Button variant="secondary" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button variant={mode === "revoke" ? "danger" : "primary"} disabled={n === 0} onClick={() => setConfirming(true)}>
        {mode === "assign" ? "Assign Users" : "Revoke Seats"}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={mode === "assign" ? `Assign seats to ${users}?` : `Revoke the seats of ${users}?`}
        description={
          mode === "assign"
            ? "Each gets a seat while seats are left, and an email telling them to issue their token on Token Access."
            : "They stay members, but their tokens stop working at once."
        }
        confirmLabel={mode === "assign" ? "Assign" : "Revoke"}
        destructive={mode === "revoke"}
        onConfirm={props.onConfirm}
      />
    </div>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deleteChannelAction } from "@/lib/actions/channels";

/** Deleting a channel removes every package in it: the admin types its name to confirm. */
export function DeleteChannelButton({ orgId, channel }: { orgId: string; channel: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const confirm = async (e: React.FormEvent) => {
    e.preventDefault();
    if (typed !== channel) return;
    setBusy(true);
    const result = await deleteChannelAction(orgId, channel);
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`Channel ${channel} deleted.`);
    router.push(`/organizations/${orgId}/channels`);
  };
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setTyped(""))}>
      <DialogTrigger asChild>
        <Button variant="danger">Delete Channel</Button>
      </DialogTrigger>
      <DialogContent title={`Delete ${channel}?`} description="Every package in it is deleted, and conda clients using it stop finding them. This cannot be undone.">
        <form onSubmit={confirm} className="space-y-4">
          <Field id="confirm-channel" label={`Type ${channel} to confirm`}>
            <Input id="confirm-channel" autoFocus autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" variant="danger" disabled={typed !== channel || busy}>
              {busy ? "Deleting…" : "Delete Channel"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

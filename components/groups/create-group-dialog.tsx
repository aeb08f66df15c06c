"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createGroupAction } from "@/lib/actions/groups";

export function CreateGroupDialog({ orgId }: { orgId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await createGroupAction(orgId, { name });
    setBusy(false);
    if (!result.ok) return result.fields?.name ? setError(result.fields.name) : void toast.error(result.error);
    toast.success(`Group ${result.data.name} created.`);
    setOpen(false);
    setName("");
    setError(undefined);
    router.push(`/organizations/${orgId}/groups/${result.data.id}`);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Create Group</Button>
      </DialogTrigger>
      <DialogContent title="Create Group" description="Channels with Selected groups open to the members of their groups.">
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id="group-name" label="Group Name" error={error}>
            <Input autoFocus value={name} onChange={(e) => setName(e.target.value)} {...describedBy("group-name", error)} />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={busy}>
              {busy ? "Creating…" : "Create"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

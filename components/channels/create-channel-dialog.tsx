"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createChannelAction } from "@/lib/actions/channels";
import { ChannelAccessFieldset, type ChannelAccess } from "./group-picker";

type Group = { id: string; name: string };

export function CreateChannelDialog({ orgId, groups }: { orgId: string; groups: Group[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [access, setAccess] = useState<ChannelAccess>("all_seated");
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await createChannelAction(orgId, { name, description, access, group_ids: access === "groups" ? groupIds : [] });
    setBusy(false);
    if (!result.ok) {
      if (result.fields) setErrors(result.fields);
      else toast.error(result.error);
      return;
    }
    toast.success(`Channel ${result.data.name} created.`);
    setOpen(false);
    setName("");
    setDescription("");
    setErrors({});
    router.push(`/organizations/${orgId}/channels/${result.data.name}`);
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Create Channel</Button>
      </DialogTrigger>
      <DialogContent title="Create Channel" description="Members install from it with conda -c <channel name>.">
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id="channel-name" label="Channel Name" error={errors.name}>
            <Input
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="internal"
              {...describedBy("channel-name", errors.name)}
            />
          </Field>
          <Field id="channel-description" label="Description" error={errors.description}>
            <Input value={description} onChange={(e) => setDescription(e.target.value)} {...describedBy("channel-description", errors.description)} />
          </Field>
          <ChannelAccessFieldset
            name="access"
            access={access}
            onAccessChange={setAccess}
            groups={groups}
            groupIds={groupIds}
            onGroupIdsChange={setGroupIds}
            error={errors.group_ids}
          />
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


"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateChannelAction } from "@/lib/actions/channels";
import { ChannelAccessFieldset, type ChannelAccess } from "./group-picker";

type Group = { id: string; name: string };
export type EditableChannel = { name: string; description: string; access: ChannelAccess; groupIds: string[] };

/** Description, access and groups of an existing channel; the name stays (it is in every client's URL). */
export function EditChannelDialog({ orgId, channel, groups }: { orgId: string; channel: EditableChannel; groups: Group[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState(channel.description);
  const [access, setAccess] = useState<ChannelAccess>(channel.access);
  const [groupIds, setGroupIds] = useState<string[]>(channel.groupIds);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // Opening starts from what the channel holds now, not from an abandoned edit.
  const onOpenChange = (next: boolean) => {
    if (next) {
      setDescription(channel.description);
      setAccess(channel.access);
      setGroupIds(channel.groupIds);
      setErrors({});
    }
    setOpen(next);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await updateChannelAction(orgId, channel.name, { description, access, group_ids: access === "groups" ? groupIds : [] });
    setBusy(false);
    if (!result.ok) {
      if (result.fields) setErrors(result.fields);
      else toast.error(result.error);
      return;
    }
    toast.success(`Channel ${channel.name} saved.`);
    setOpen(false);
    router.refresh();
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit Channel</Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${channel.name}`} description="Who reads this channel, and how it is described. Changes count on the next download.">
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id="edit-channel-description" label="Description" error={errors.description}>
            <Input
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              {...describedBy("edit-channel-description", errors.description)}
            />
          </Field>
          <ChannelAccessFieldset
            name="edit-access"
            access={access}
            onAccessChange={setAccess}
            groups={groups}
            groupIds={groupIds}
            onGroupIdsChange={setGroupIds}
            error={errors.group_ids}
          />
          <div className="flex justify-end">
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save Changes"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

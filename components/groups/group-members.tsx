"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { addGroupMembersAction, deleteGroupAction, removeGroupMembersAction } from "@/lib/actions/groups";

type Person = { user_id: string; name: string; email: string | null };

/** Add Members: pick one or many of the org's members by name or email. */
function AddMembersDialog({ orgId, groupId, candidates }: { orgId: string; groupId: string; candidates: Person[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return candidates.filter((c) => !q || c.name.toLowerCase().includes(q) || (c.email ?? "").toLowerCase().includes(q));
  }, [candidates, query]);
  const submit = async () => {
    setBusy(true);
    const result = await addGroupMembersAction(orgId, groupId, picked);
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`${result.data.added} member${result.data.added === 1 ? "" : "s"} added.`);
    setOpen(false);
    setPicked([]);
    router.refresh();
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Add Members</Button>
      </DialogTrigger>
      <DialogContent title="Add Members" description="Members of this organization who are not in the group yet.">
        <Field id="member-search" label="Search by name or email">
          <Input id="member-search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </Field>
        <div className="mt-3 max-h-64 overflow-y-auto rounded border border-zinc-200 p-2" role="group" aria-label="Members to add">
          {shown.length === 0 ? <p className="text-sm text-zinc-600">Nobody to add.</p> : null}
          {shown.map((c) => (
            <label key={c.user_id} className="flex items-center gap-2 py-1 text-sm text-zinc-800">
              <Checkbox
                checked={picked.includes(c.user_id)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, c.user_id] : picked.filter((id) => id !== c.user_id))}
              />
              <span>
                {c.name} <span className="text-zinc-600">{c.email ?? "(organization-managed)"}</span>
              </span>
            </label>
          ))}
        </div>
        <div className="mt-4 flex justify-end">
          <Button onClick={submit} disabled={picked.length === 0 || busy}>
            {busy ? "Adding…" : picked.length > 1 ? `Add ${picked.length} Members` : "Add Members"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

export function GroupMembers({
  orgId,
  groupId,
  groupName,
  members,
  candidates,
}: {
  orgId: string;
  groupId: string;
  groupName: string;
  members: Person[];
  candidates: Person[];
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string[] | null>(null);
  const [deleting, setDeleting] = useState(false);
  const remove = async () => {
    if (!removing) return;
    const result = await removeGroupMembersAction(orgId, groupId, removing);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`${result.data.removed} member${result.data.removed === 1 ? "" : "s"} removed from ${groupName}.`);
    setSelected([]);
    router.refresh();
  };
  const removeGroup = async () => {
    const result = await deleteGroupAction(orgId, groupId);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`Group ${groupName} deleted.`);
    router.push(`/organizations/${orgId}/groups`);
  };
  return (
    <>
      <div className="mb-4 flex flex-wrap gap-2">
        <AddMembersDialog orgId={orgId} groupId={groupId} candidates={candidates} />
        <Button variant="secondary" disabled={selected.length === 0} onClick={() => setRemoving(selected)}>
          Remove Selected
        </Button>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          Delete Group
        </Button>
      </div>
      {members.length === 0 ? (
        <EmptyState title="No members yet">Add members to open this group&apos;s channels to them.</EmptyState>
      ) : (
        <Table aria-label="Group members">
          <THead>
            <tr>
              <Th>
                <span className="sr-only">Select</span>
              </Th>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {members.map((m) => (
              <tr key={m.user_id}>
                <Td>
                  <Checkbox
                    aria-label={`Select ${m.name}`}
                    checked={selected.includes(m.user_id)}
                    onChange={(e) => setSelected(e.target.checked ? [...selected, m.user_id] : selected.filter((id) => id !== m.user_id))}
                  />
                </Td>
                <Td className="font-medium text-zinc-900">{m.name}</Td>
                <Td>{m.email ?? "—"}</Td>
                <Td className="text-right">
                  <Button variant="ghost" size="sm" aria-label={`Remove ${m.name}`} onClick={() => setRemoving([m.user_id])}>
                    Remove
                  </Button>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={removing && removing.length > 1 ? `Remove ${removing.length} members from ${groupName}?` : `Remove from ${groupName}?`}
        description="Channels open only to this group close to them on their next download."
        confirmLabel="Remove"
        destructive
        onConfirm={remove}
      />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${groupName}?`}
        description="Its members lose the channels it opened to them, unless another group opens them."
        confirmLabel="Delete Group"
        destructive
        onConfirm={removeGroup}
      />
    </>
  );
}

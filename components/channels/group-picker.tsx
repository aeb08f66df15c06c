"use client";
import { Checkbox } from "@/components/ui/checkbox";

export function GroupPicker({
  groups,
  selected,
  onChange,
  error,
}: {
  groups: Array<{ id: string; name: string }>;
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  if (groups.length === 0) return <p className="mt-2 text-sm text-zinc-600">No groups yet: only admins will read this channel until you create one.</p>;
  return (
    <div className="mt-2 rounded border border-zinc-200 p-2" role="group" aria-label="Groups">
      {groups.map((g) => (
        <label key={g.id} className="flex items-center gap-2 py-1 text-sm text-zinc-800">
          <Checkbox
            checked={selected.includes(g.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, g.id] : selected.filter((id) => id !== g.id))}
          />
          {g.name}
        </label>
      ))}
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

export type ChannelAccess = "all_seated" | "groups";

/** The Access choice of a channel (create and edit): all seated members, or the groups picked. */
export function ChannelAccessFieldset({
  name,
  access,
  onAccessChange,
  groups,
  groupIds,
  onGroupIdsChange,
  error,
}: {
  name: string;
  access: ChannelAccess;
  onAccessChange: (access: ChannelAccess) => void;
  groups: Array<{ id: string; name: string }>;
  groupIds: string[];
  onGroupIdsChange: (ids: string[]) => void;
  error?: string;
}) {
  const choices = [
    ["all_seated", "All seated members"],
    ["groups", "Selected groups"],
  ] as const;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">Access</legend>
      <div className="mt-2 space-y-2">
        {choices.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm text-zinc-800">
            <input type="radio" name={name} value={value} checked={access === value} onChange={() => onAccessChange(value)} />
            {label}
          </label>
        ))}
      </div>
      {access === "groups" ? <GroupPicker groups={groups} selected={groupIds} onChange={onGroupIdsChange} error={error} /> : null}
    </fieldset>
  );
}

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

"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import type { InviteOptions, InviteRole } from "@/lib/validation/invitations";

export const inviteRoleLabels: Record<InviteRole, string> = {
  member: "Member",
  billing_manager: "Billing Manager",
  admin: "Account Admin",
};

const selectClass =
  "block h-9 w-full rounded-md border-0 bg-white px-3 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

/** The role and seat every invited address gets (a CSV `role` column can set a row's own role). */
export function InviteOptionsFields({
  value,
  onChange,
  canInviteAdmin,
  csv,
}: {
  value: InviteOptions;
  onChange: (next: InviteOptions) => void;
  canInviteAdmin: boolean;
  csv: boolean;
}) {
  const roles: InviteRole[] = canInviteAdmin ? ["member", "billing_manager", "admin"] : ["member", "billing_manager"];
  return (
    <div className="grid gap-4 sm:grid-cols-2 sm:items-end">
      <Field
        id="invite-role"
        label="Role"
        hint={csv ? "Rows with a role column (member, billing_manager, admin) keep their own." : undefined}
      >
        <select
          id="invite-role"
          className={selectClass}
          value={value.role}
          aria-describedby={csv ? "invite-role-hint" : undefined}
          onChange={(e) => onChange({ ...value, role: e.target.value as InviteRole })}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {inviteRoleLabels[r]}
            </option>
          ))}
        </select>
      </Field>
      <label className="flex h-9 items-center gap-2 text-sm text-zinc-800">
        <Checkbox checked={value.assignSeat} onChange={(e) => onChange({ ...value, assignSeat: e.target.checked })} />
        Assign a seat on joining
      </label>
    </div>
  );
}

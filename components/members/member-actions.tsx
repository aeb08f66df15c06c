"use client";
import { MoreHorizontal } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import type { Role } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { MemberRow } from "@/lib/domain/members/list-members";
import { roleLabels } from "@/lib/authz/policy";

const itemClass = "block w-full cursor-pointer rounded px-3 py-2 text-left text-sm text-zinc-800 outline-none data-highlighted:bg-zinc-100";

export type MemberActionHandlers = {
  assignSeat: (m: MemberRow) => Promise<void>;
  revokeSeat: (m: MemberRow) => Promise<void>;
  changeRole: (m: MemberRow, role: Role) => Promise<void>;
  remove: (m: MemberRow) => Promise<void>;
  syncToken: (m: MemberRow) => Promise<void>;
};

type Pending = { kind: "revoke" } | { kind: "remove" } | { kind: "role"; role: Role } | null;

const roleActionLabels: Record<Role, string> = {
  admin: "Assign as Account Admin",
  billing_manager: "Assign as Billing Manager",
  member: "Assign as Member",
};

/** One row's menu: only the actions that apply to this member and this admin. */
export function MemberActions({ member, isSelf, handlers }: { member: MemberRow; isSelf: boolean; handlers: MemberActionHandlers }) {
  const [pending, setPending] = useState<Pending>(null);
  const roles = isSelf ? [] : (Object.keys(roleActionLabels) as Role[]).filter((r) => r !== member.role);
  const who = member.name;

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="sm" aria-label={`Actions for ${who}`} title="Actions">
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200">
            {member.seat ? (
              <DropdownMenu.Item className={itemClass} onSelect={() => setPending({ kind: "revoke" })}>
                Revoke Seat
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item className={itemClass} onSelect={() => void handlers.assignSeat(member)}>
                Assign Seat
              </DropdownMenu.Item>
            )}
            {member.seat && member.token.state !== "none" && (
              <DropdownMenu.Item className={itemClass} onSelect={() => void handlers.syncToken(member)}>
                Sync Token
              </DropdownMenu.Item>
            )}
            {roles.map((role) => (
              <DropdownMenu.Item key={role} className={itemClass} onSelect={() => setPending({ kind: "role", role })}>
                {roleActionLabels[role]}
              </DropdownMenu.Item>
            ))}
            {!isSelf && (
              <>
                <DropdownMenu.Separator className="my-1 h-px bg-zinc-200" />
                <DropdownMenu.Item className={`${itemClass} text-red-700`} onSelect={() => setPending({ kind: "remove" })}>
                  Remove from Organization
                </DropdownMenu.Item>
              </>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      <ConfirmDialog
        open={pending?.kind === "revoke"}
        onOpenChange={(open) => !open && setPending(null)}
        title={`Revoke ${who}'s seat?`}
        description={`${who} stays a member, but their token stops working at once.`}
        confirmLabel="Revoke Seat"
        destructive
        onConfirm={() => handlers.revokeSeat(member)}
      />
      <ConfirmDialog
        open={pending?.kind === "remove"}
        onOpenChange={(open) => !open && setPending(null)}
        title={`Remove ${who} from the organization?`}
        description={`${who} loses access at once; their seat and token are revoked.`}
        confirmLabel="Remove User"
        destructive
        onConfirm={() => handlers.remove(member)}
      />
      <ConfirmDialog
        open={pending?.kind === "role"}
        onOpenChange={(open) => !open && setPending(null)}
        title={pending?.kind === "role" ? `${roleActionLabels[pending.role]}?` : "Change role?"}
        description={
          pending?.kind === "role"
            ? `${who} will be ${roleLabels[pending.role] === "Account Admin" ? "an" : "a"} ${roleLabels[pending.role]} of this organization instead of ${roleLabels[member.role]}.`
            : ""
        }
        confirmLabel="Confirm"
        onConfirm={() => (pending?.kind === "role" ? handlers.changeRole(member, pending.role) : undefined)}
      />
    </>
  );
}

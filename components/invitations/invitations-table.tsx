"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { InvitationListRow } from "@/lib/domain/invitations/list-invitations";
import { inviteRoleLabels } from "./invite-options";

const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const time = new Intl.DateTimeFormat("en", { timeStyle: "short", timeZone: "UTC", hourCycle: "h23" });

/** Date and time that wrap onto two lines, never inside either, so the table fits at 1280 px. */
function When({ iso }: { iso: string }) {
  const d = new Date(iso);
  return (
    <time dateTime={iso}>
      <span className="whitespace-nowrap">{day.format(d)},</span> <span className="whitespace-nowrap">{time.format(d)}</span>
    </time>
  );
}

export function InvitationsTable({
  rows,
  selecting,
  selected,
  onSelectedChange,
  onResend,
  onRemove,
}: {
  rows: InvitationListRow[];
  selecting: boolean;
  selected: Set<string>;
  onSelectedChange: (next: Set<string>) => void;
  onResend: (row: InvitationListRow) => Promise<void>;
  onRemove: (row: InvitationListRow) => void;
}) {
  const [resending, setResending] = useState<string | null>(null);
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectedChange(next);
  };
  const togglePage = (on: boolean) => {
    const next = new Set(selected);
    for (const r of rows)
      if (on) next.add(r.id);
      else next.delete(r.id);
    onSelectedChange(next);
  };

  return (
    <Table aria-label="Pending invitations">
      <THead>
        <tr>
          {selecting && (
            <Th className="w-10">
              <Checkbox aria-label="Select all on this page" checked={allOnPage} onChange={(e) => togglePage(e.target.checked)} />
            </Th>
          )}
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Seat</Th>
          <Th>Invited by</Th>
          <Th>Sent (UTC)</Th>
          <Th>Expires (UTC)</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} className={selected.has(row.id) ? "bg-indigo-50/60" : undefined}>
            {selecting && (
              <Td>
                <Checkbox
                  aria-label={`Select ${row.email}`}
                  checked={selected.has(row.id)}
                  onChange={(e) => toggle(row.id, e.target.checked)}
                />
              </Td>
            )}
            <Td className="min-w-56 font-medium [overflow-wrap:anywhere] text-zinc-900 lg:min-w-40">{row.email}</Td>
            <Td className="whitespace-nowrap">{inviteRoleLabels[row.role]}</Td>
            <Td className="whitespace-nowrap">{!row.withSeat ? "No" : row.status === "expired" ? "Freed (expired)" : "Reserved"}</Td>
            <Td>{row.invitedBy ?? "—"}</Td>
            <Td>
              <When iso={row.sentAt} />
            </Td>
            <Td>
              <When iso={row.expiresAt} />
            </Td>
            <Td>
              {row.status === "expired" ? (
                <Badge className="bg-amber-100 text-amber-900">Expired</Badge>
              ) : (
                <Badge className="bg-emerald-100 text-emerald-900">Pending</Badge>
              )}
            </Td>
            <Td className="text-right whitespace-nowrap">
              <div className="flex flex-col items-stretch gap-1.5 2xl:flex-row 2xl:justify-end">
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={selecting || resending === row.id}
                  onClick={async () => {
                    setResending(row.id);
                    await onResend(row).finally(() => setResending(null));
                  }}
                >
                  {resending === row.id ? "Resending…" : "Resend Email Invite"}
                </Button>
                <Button size="sm" variant="secondary" className="text-red-700" disabled={selecting} onClick={() => onRemove(row)}>
                  Remove Invite
                </Button>
              </div>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

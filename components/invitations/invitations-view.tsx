"use client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { listInvitationsAction, removeInvitationsAction, resendInvitationsAction } from "@/lib/actions/invitations";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import type { InvitationPage } from "@/lib/domain/invitations/list-invitations";
import { InvitationsTable } from "./invitations-table";

type Mode = null | "resend" | "remove";
type Confirm = null | { kind: "resend" | "remove"; ids: string[]; label: string };
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/** The Invitations table: first page rendered on the server, later pages and searches via TanStack Query. */
export function InvitationsView({ orgId, initial }: { orgId: string; initial: InvitationPage }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState(initial.q);
  const [q, setQ] = useState(initial.q);
  const [page, setPage] = useState(initial.page);
  const [mode, setMode] = useState<Mode>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<Confirm>(null);

  // Searching waits for a pause in typing, then starts from the first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim().toLowerCase());
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  const query = useQuery({
    queryKey: ["invitations", orgId, q, page],
    queryFn: async () => {
      const result = await listInvitationsAction(orgId, { q, page });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: q === initial.q && page === initial.page ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? initial;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["invitations", orgId] });

  const exitMode = () => {
    setMode(null);
    setSelected(new Set());
  };

  const run = async (kind: "resend" | "remove", ids: string[]) => {
    const result = kind === "resend" ? await resendInvitationsAction(orgId, { ids }) : await removeInvitationsAction(orgId, { ids });
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    const done = "resent" in result.data ? result.data.resent : result.data.removed;
    const skipped = result.data.skipped ? ` ${plural(result.data.skipped, "invitation")} had already been accepted or removed.` : "";
    const one = ids.length === 1 && result.data.emails[0];
    toast.success(
      (kind === "resend"
        ? one
          ? `Invitation resent to ${one}.`
          : `${plural(done, "invitation")} resent.`
        : one
          ? `Invitation for ${one} removed.`
          : `${plural(done, "invitation")} removed.`) + skipped,
    );
    exitMode();
    await refresh();
  };

  const from = data.total === 0 ? 0 : (data.page - 1) * data.pageSize + 1;
  const to = Math.min(data.page * data.pageSize, data.total);
  const selectedIds = [...selected];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="relative w-full max-w-xs">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-500" aria-hidden />
          <Input
            type="search"
            aria-label="Search invitations by email"
            placeholder="Search by email"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="pl-8"
          />
        </div>
        <div className="flex flex-wrap gap-2">
          {mode === null ? (
            <>
              <Button variant="secondary" onClick={() => setMode("resend")} disabled={data.total === 0}>
                Resend Emails
              </Button>
              <Button variant="secondary" onClick={() => setMode("remove")} disabled={data.total === 0}>
                Remove Invitations
              </Button>
            </>
          ) : (
            <>
              <Button variant="secondary" onClick={exitMode}>
                Cancel
              </Button>
              <Button
                variant={mode === "remove" ? "danger" : "primary"}
                disabled={selected.size === 0}
                onClick={() => setConfirm({ kind: mode, ids: selectedIds, label: plural(selectedIds.length, "invitation") })}
              >
                {mode === "resend" ? "Resend Invitations" : "Remove Invitations"}
              </Button>
            </>
          )}
        </div>
      </div>
      {mode && (
        <p role="status" className="text-sm text-zinc-700">
          {selected.size === 0
            ? `Select the invitations to ${mode === "resend" ? "resend" : "remove"}.`
            : `${plural(selected.size, "invitation")} selected.`}
        </p>
      )}

      {data.rows.length === 0 ? (
        q ? (
          <EmptyState title="No invitations match your search">Try another part of the address.</EmptyState>
        ) : (
          <EmptyState title="No pending invitations">Use Invite Members to invite people by email or from a CSV file.</EmptyState>
        )
      ) : (
        <InvitationsTable
          rows={data.rows}
          selecting={mode !== null}
          selected={selected}
          onSelectedChange={setSelected}
          onResend={(row) => run("resend", [row.id])}
          onRemove={(row) => setConfirm({ kind: "remove", ids: [row.id], label: `the invitation for ${row.email}` })}
        />
      )}
      {data.total > 0 && (
        <Pagination
          from={from}
          to={to}
          total={data.total}
          onPrevious={data.page > 1 ? () => setPage(data.page - 1) : undefined}
          onNext={to < data.total ? () => setPage(data.page + 1) : undefined}
        />
      )}
      {query.isError && (
        <p role="alert" className="text-sm text-red-700">
          The list could not be loaded: {query.error.message}
        </p>
      )}

      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={confirm?.kind === "remove" ? "Remove invitations?" : "Resend invitations?"}
        description={
          confirm?.kind === "remove"
            ? `Remove ${confirm.label}? The links stop working at once.`
            : `Resend ${confirm?.label}? Each gets a new link valid for 7 days; earlier links stop working.`
        }
        confirmLabel={confirm?.kind === "remove" ? "Remove" : "Resend"}
        destructive={confirm?.kind === "remove"}
        onConfirm={() => (confirm ? run(confirm.kind, confirm.ids) : undefined)}
      />
    </div>
  );
}

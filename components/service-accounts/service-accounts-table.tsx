"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { deleteServiceAccountAction } from "@/lib/actions/service-accounts";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

type Account = { name: string; client_id: string; created_at: string; last_used_at: string | null };

const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" }) : "Never";

export function ServiceAccountsTable({ orgId, accounts }: { orgId: string; accounts: Account[] }) {
  const router = useRouter();
  const [deleting, setDeleting] = useState<Account | null>(null);
  if (accounts.length === 0) {
    return <EmptyState title="No service accounts yet">Create one to let a script or pipeline call the API.</EmptyState>;
  }
  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await deleteServiceAccountAction(orgId, deleting.client_id);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`Service account ${deleting.name} deleted. Its tokens no longer work.`);
    router.refresh();
  };
  return (
    <>
      <Table aria-label="Service accounts">
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Client ID</Th>
            <Th>Created</Th>
            <Th>Last token issued</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {accounts.map((a) => (
            <tr key={a.client_id}>
              <Td className="font-medium text-zinc-900">{a.name}</Td>
              <Td className="font-mono text-xs">{a.client_id}</Td>
              <Td>{formatDate(a.created_at)}</Td>
              <Td>{formatDate(a.last_used_at)}</Td>
              <Td className="text-right">
                <Button variant="ghost" size="sm" onClick={() => setDeleting(a)} aria-label={`Delete ${a.name}`}>
                  Delete
                </Button>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? "service account"}?`}
        description="Scripts using it stop working at once: its access tokens are revoked. This cannot be undone."
        confirmLabel="Delete"
        destructive
        onConfirm={confirmDelete}
      />
    </>
  );
}

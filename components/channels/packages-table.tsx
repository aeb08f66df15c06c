"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { deletePackageAction } from "@/lib/actions/channels";
import type { PackageJson } from "@/lib/domain/packages/package-json";
import { formatBytes, formatWhen } from "./format";

export function PackagesTable({ orgId, channel, packages, canManage }: { orgId: string; channel: string; packages: PackageJson[]; canManage: boolean }) {
  const router = useRouter();
  const [deleting, setDeleting] = useState<PackageJson | null>(null);
  if (packages.length === 0) return <EmptyState title="No packages yet">{canManage ? "Upload .conda or .tar.bz2 packages to publish them." : "Nothing has been published here yet."}</EmptyState>;
  const confirm = async () => {
    if (!deleting) return;
    const result = await deletePackageAction(orgId, { channel, subdir: deleting.subdir, filename: deleting.filename });
    if (!result.ok) return void toast.error(result.error);
    toast.success(`${deleting.filename} deleted.`);
    router.refresh();
  };
  return (
    <>
      <Table aria-label="Packages">
        <THead>
          <tr>
            <Th>Package</Th>
            <Th>Version</Th>
            <Th>Build</Th>
            <Th>Platform</Th>
            <Th>Size</Th>
            <Th>Uploaded</Th>
            <Th>Downloads</Th>
            {canManage ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </THead>
        <TBody>
          {packages.map((p) => (
            <tr key={`${p.subdir}/${p.filename}`}>
              <Td className="font-medium text-zinc-900">{p.name}</Td>
              <Td>{p.version}</Td>
              <Td className="font-mono text-xs">{p.build}</Td>
              <Td>{p.subdir}</Td>
              <Td>{formatBytes(p.size)}</Td>
              <Td>
                <span className="block">{formatWhen(p.uploaded_at)}</span>
                <span className="block text-xs text-zinc-600">{p.uploaded_by ?? "—"}</span>
              </Td>
              <Td>{p.downloads}</Td>
              {canManage ? (
                <Td className="text-right">
                  <Button variant="ghost" size="sm" onClick={() => setDeleting(p)} aria-label={`Delete Package ${p.filename}`}>
                    Delete Package
                  </Button>
                </Td>
              ) : null}
            </tr>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.filename ?? "package"}?`}
        description="conda clients stop finding it at once. The same file name can be uploaded again afterwards."
        confirmLabel="Delete Package"
        destructive
        onConfirm={confirm}
      />
    </>
  );
}

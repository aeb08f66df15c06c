"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Td } from "@/components/ui/table";
import type { DomainJson } from "@/lib/domain/domains/domain-json";
import { removeDomainAction, verifyDomainAction } from "@/lib/actions/domains";

/** One domain: its status, the TXT record to publish (copyable), Verify and Remove. */
export function DomainRow({ orgId, domain }: { orgId: string; domain: DomainJson }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const verified = domain.status === "verified";

  const verify = async () => {
    setBusy(true);
    setResult(null);
    const res = await verifyDomainAction(orgId, domain.domain);
    setBusy(false);
    if (!res.ok) return setResult({ ok: false, text: res.error });
    setResult({ ok: res.data.outcome === "verified", text: res.data.message });
    if (res.data.outcome === "verified") router.refresh();
  };

  const remove = async () => {
    const res = await removeDomainAction(orgId, domain.domain);
    if (!res.ok) return void toast.error(res.error);
    toast.success(`${domain.domain} removed.`);
    router.refresh();
  };

  return (
    <tr className="align-top">
      <Td className="min-w-[16rem]">
        <span className="font-medium text-zinc-900">{domain.domain}</span>
        {verified ? (
          <p className="mt-1 text-xs text-zinc-600">You may delete the TXT record now.</p>
        ) : (
          <dl className="mt-2 space-y-2 text-xs" aria-label={`TXT record for ${domain.domain}`}>
            <RecordPart label="TXT record name" value={domain.record_name} copyLabel={`Copy the record name for ${domain.domain}`} />
            <RecordPart label="TXT record value" value={domain.record_value} copyLabel={`Copy the record value for ${domain.domain}`} />
          </dl>
        )}
      </Td>
      <Td className="min-w-[9rem]">
        <Badge className={verified ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}>
          {verified ? "Verified" : "Pending"}
        </Badge>
        <p role="status" className={`mt-1 text-xs ${result?.ok ? "text-green-800" : "text-red-700"}`}>
          {result?.text}
        </p>
      </Td>
      <Td>
        <div className="flex justify-end gap-2 whitespace-nowrap">
          {!verified && (
            <Button size="sm" onClick={verify} disabled={busy} aria-label={`Verify ${domain.domain}`}>
              {busy ? "Checking…" : "Verify"}
            </Button>
          )}
          <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Remove ${domain.domain}`}>
            Remove
          </Button>
        </div>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Remove ${domain.domain}?`}
          description={
            verified
              ? "People of this domain can no longer join by themselves or be added without an invitation. Members who joined stay members."
              : "The pending check stops. You can add the domain again later; it gets a new record value."
          }
          confirmLabel="Remove Domain"
          destructive
          onConfirm={remove}
        />
      </Td>
    </tr>
  );
}

function RecordPart({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <div>
      <dt className="font-medium text-zinc-700">{label}</dt>
      <dd className="mt-0.5 flex items-start gap-2">
        <code className="min-w-0 rounded bg-zinc-100 px-1.5 py-1 font-mono break-all text-zinc-900 select-all">{value}</code>
        <span className="shrink-0">
          <CopyButton value={value} label={copyLabel} />
        </span>
      </dd>
    </div>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { issueTokenAction } from "@/lib/actions/token-access";
import { Badge, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NewTokenReveal, type NewToken } from "./new-token";

export type CurrentToken = {
  last4: string;
  status: "active" | "expired";
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  useCount: number;
};

const utcLabel = (iso: string) => new Date(iso).toLocaleString("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export function TokenAccessPanel(props: { orgId: string; token: CurrentToken | null; periodEnd: string; periodEndLabel: string }) {
  const router = useRouter();
  const [expiresAt, setExpiresAt] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [issued, setIssued] = useState<NewToken | null>(null);
  const hasToken = !!props.token;
  const today = new Date().toISOString().slice(0, 10);
  const maxDate = props.periodEnd.slice(0, 10);

  const issue = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await issueTokenAction(props.orgId, { expiresAt: expiresAt || undefined });
      if (!result.ok) {
        if (result.fields?.expiresAt) setError(result.fields.expiresAt);
        else toast.error(result.error);
        return;
      }
      setIssued(result.data);
      setExpiresAt("");
      toast.success(result.data.reissued ? "Token reissued. The old one no longer works." : "Token issued.");
      router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (hasToken) setConfirming(true);
    else void issue();
  };

  return (
    <div className="space-y-6">
      {issued && <NewTokenReveal issued={issued} expiresLabel={utcLabel(issued.expiresAt)} />}

      <Card className="p-6">
        <h2 className="text-base font-semibold text-zinc-900">Your current token</h2>
        {props.token ? (
          <>
            <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="font-medium text-zinc-600">Token</dt>
                <dd className="mt-1 font-mono text-zinc-900">
                  opt_…{props.token.last4}{" "}
                  {props.token.status === "expired" ? (
                    <Badge className="bg-red-100 text-red-800">Expired</Badge>
                  ) : (
                    <Badge className="bg-emerald-100 text-emerald-800">Active</Badge>
                  )}
                </dd>
              </div>
              <div>
                <dt className="font-medium text-zinc-600">{props.token.status === "expired" ? "Expired" : "Expires"}</dt>
                <dd className="mt-1 text-zinc-900">{props.token.expiresAt}</dd>
              </div>
              <div>
                <dt className="font-medium text-zinc-600">Last used</dt>
                <dd className="mt-1 text-zinc-900">{props.token.lastUsedAt ?? "Never"}</dd>
              </div>
              <div>
                <dt className="font-medium text-zinc-600">Downloads</dt>
                <dd className="mt-1 text-zinc-900">{props.token.useCount.toLocaleString("en")}</dd>
              </div>
            </dl>
            {/* Uses are written in batches spread over minutes (lib/domain/tokens/check/usage.ts). */}
            <p className="mt-3 text-xs text-zinc-600">Last use and downloads are recorded within a few minutes.</p>
          </>
        ) : (
          <p className="mt-2 text-sm text-zinc-700">You have no token yet. Issue one to download packages.</p>
        )}

        <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-wrap items-end gap-4 border-t border-zinc-200 pt-6">
          <div className="w-80">
            <Field
              id="token-expires"
              label="Expires on (optional)"
              error={error}
              hint={`Empty: the subscription's period end, ${props.periodEndLabel}.`}
            >
              <Input
                type="date"
                min={today}
                max={maxDate}
                value={expiresAt}
                onChange={(e) => setExpiresAt(e.target.value)}
                {...describedBy("token-expires", error, true)}
              />
            </Field>
          </div>
          <Button type="submit" disabled={busy}>
            {busy ? "Issuing…" : hasToken ? "Reissue Token" : "Issue Token"}
          </Button>
        </form>
      </Card>

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Reissue your token?"
        description={
          <p>
            Your current token (ending in <span className="font-mono">{props.token?.last4}</span>) stops working at once: update every
            machine that uses it with the new one.
          </p>
        }
        confirmLabel="Reissue"
        destructive
        onConfirm={issue}
      />
    </div>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { generateScimTokenAction, revokeScimTokenAction } from "@/lib/actions/scim";

type TokenInfo = { last4: string; createdAt: string; lastUsedAt: string | null } | null;

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

/** The base URL, the token's dates, Generate SCIM Token (confirmed when it replaces one) and Revoke. */
export function DirectorySyncPanel({ orgId, baseUrl, token }: { orgId: string; baseUrl: string; token: TokenInfo }) {
  const router = useRouter();
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"replace" | "revoke" | null>(null);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    setBusy(true);
    setError(null);
    const result = await generateScimTokenAction(orgId);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setShown(result.data.token);
    router.refresh();
  };
  const revoke = async () => {
    const result = await revokeScimTokenAction(orgId);
    if (!result.ok) return setError(result.error);
    setShown(null);
    toast.success("The SCIM token was revoked.");
    router.refresh();
  };

  return (
    <div className="mt-4 space-y-4">
      <div>
        <label htmlFor="scim-base-url" className="text-sm font-medium text-zinc-900">
          SCIM base URL
        </label>
        <div className="mt-1 flex items-center gap-2">
          <Input id="scim-base-url" readOnly value={baseUrl} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={baseUrl} label="Copy SCIM base URL" />
        </div>
      </div>

      <div>
        <p className="text-sm font-medium text-zinc-900">SCIM token</p>
        {token ? (
          <p className="mt-1 text-sm text-zinc-700">
            Ends in <span className="font-mono">{token.last4}</span>. Created {when(token.createdAt)}; last used{" "}
            {token.lastUsedAt ? when(token.lastUsedAt) : "never"}.
          </p>
        ) : (
          <p className="mt-1 text-sm text-zinc-700">No token yet: your identity provider cannot connect.</p>
        )}
      </div>

      {shown && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4">
          <p className="text-sm font-medium text-emerald-900">Copy the token now: it is shown only once.</p>
          <div className="mt-2 flex items-center gap-2">
            <Input aria-label="SCIM token" readOnly value={shown} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={shown} label="Copy SCIM token" />
          </div>
        </div>
      )}

      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} onClick={() => (token ? setConfirm("replace") : generate())}>
          {busy ? "Working…" : "Generate SCIM Token"}
        </Button>
        {token && (
          <Button type="button" variant="secondary" onClick={() => setConfirm("revoke")}>
            Revoke SCIM Token
          </Button>
        )}
      </div>

      <ConfirmDialog
        open={confirm === "replace"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title="Replace the SCIM token?"
        description="The current token stops working at once. Paste the new one into your identity provider."
        confirmLabel="Generate SCIM Token"
        destructive
        onConfirm={generate}
      />
      <ConfirmDialog
        open={confirm === "revoke"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title="Revoke the SCIM token?"
        description="Your identity provider can no longer add, change or deactivate members until you generate a new token."
        confirmLabel="Revoke SCIM Token"
        destructive
        onConfirm={revoke}
      />
    </div>
  );
}

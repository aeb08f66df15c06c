"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { disableTwoFactorAction, enableTwoFactorAction, startTwoFactorSetupAction } from "@/lib/actions/account";
import { ActionForm } from "./action-form";

type Setup = { secret: string; qr: string };

/** Enrol (QR code, Setup key, first code, recovery codes shown once) or turn 2FA off. */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">
          Two-factor authentication is on.
        </p>
        <h3 className="text-sm font-semibold text-zinc-900">Recovery codes</h3>
        <p className="text-sm text-zinc-700">
          Each code signs you in once if you lose your device. Store them somewhere safe: they are not shown again.
        </p>
        <ul
          aria-label="Recovery codes"
          className="grid grid-cols-2 gap-2 rounded-md bg-zinc-50 p-3 font-mono text-sm text-zinc-900 ring-1 ring-zinc-200"
        >
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Button
          onClick={() => {
            setRecoveryCodes(null);
            setSetup(null);
            router.refresh();
          }}
        >
          Done
        </Button>
      </div>
    );
  }

  if (enabled) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-zinc-700">Two-factor authentication is on. Sign-in asks for a code from your authenticator app.</p>
        <ActionForm
          fields={[
            { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
            { name: "code", label: "Authentication Code", autoComplete: "one-time-code", hint: "From your app, or a recovery code." },
          ]}
          submitLabel="Disable Two-Factor Authentication"
          busyLabel="Disabling…"
          variant="danger"
          action={disableTwoFactorAction}
          after="refresh"
        />
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="space-y-4">
        <FormError message={error} />
        <p className="text-sm text-zinc-700">Sign-in will also ask for a code from an authenticator app on your phone.</p>
        <Button
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const result = await startTwoFactorSetupAction();
            setBusy(false);
            if (!result.ok) return setError(result.error);
            if (result.data.enabled) return router.refresh();
            setSetup({ secret: result.data.secret, qr: result.data.qr });
          }}
        >
          Enable Two-Factor Authentication
        </Button>
      </div>
    );
  }

  const verify = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCodeError(undefined);
    const result = await enableTwoFactorAction({ secret: setup.secret, code });
    setBusy(false);
    if (!result.ok) return result.fields?.code ? setCodeError(result.fields.code) : setError(result.error);
    setRecoveryCodes(result.data.recoveryCodes);
  };

  return (
    <form onSubmit={verify} noValidate className="space-y-4">
      <FormError message={error} />
      <p className="text-sm text-zinc-700">Scan the QR code with your authenticator app, or type the setup key into it.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
      <img src={setup.qr} alt="QR code for your authenticator app" width={200} height={200} className="rounded ring-1 ring-zinc-200" />
      <div>
        <p className="text-sm font-medium text-zinc-800">Setup key</p>
        <code
          aria-label="Setup key"
          className="mt-1 block select-all break-all rounded bg-zinc-50 px-2 py-1 font-mono text-sm text-zinc-900 ring-1 ring-zinc-200"
        >
          {setup.secret}
        </code>
      </div>
      <Field id="totp-code" label="Authentication Code" error={codeError} hint="The 6-digit code your app shows now.">
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          {...describedBy("totp-code", codeError, true)}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {busy ? "Verifying…" : "Verify"}
      </Button>
    </form>
  );
}

"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { SettingSwitch } from "@/components/settings/setting-switch";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deleteSsoConnectionAction, saveSsoConnectionAction, testSsoConnectionAction } from "@/lib/actions/sso";
import type { SsoConnectionView } from "@/lib/validation/sso";

type Values = { issuer: string; client_id: string; client_secret: string };
type TestResult =
  { ok: true; issuer: string; authorizationEndpoint: string; tokenEndpoint: string; pkce: boolean } | { ok: false; error: string };

/** Issuer URL, Client ID, Client Secret (write-only), Save, Test Connection and Require SSO. */
export function SsoConnectionForm({ orgId, initial }: { orgId: string; initial: SsoConnectionView }) {
  const [saved, setSaved] = useState(initial);
  const [test, setTest] = useState<TestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [requireError, setRequireError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const form = useForm<Values>({
    defaultValues: { issuer: initial.issuer ?? "", client_id: initial.client_id ?? "", client_secret: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSave = form.handleSubmit(async (values) => {
    const result = await saveSsoConnectionAction(orgId, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) {
        if (field === "issuer" || field === "client_id" || field === "client_secret") form.setError(field, { message });
      }
      if (!result.fields) toast.error(result.error);
      return;
    }
    setSaved(result.data);
    // The secret never comes back: the field empties and says a secret is set.
    form.reset({ issuer: result.data.issuer ?? "", client_id: result.data.client_id ?? "", client_secret: "" });
    toast.success("Single sign-on connection saved.");
  });

  const onTest = async () => {
    setTesting(true);
    setTest(null);
    const result = await testSsoConnectionAction(orgId, { issuer: form.getValues("issuer") });
    setTesting(false);
    if (!result.ok) return setTest({ ok: false, error: result.fields?.issuer ?? result.error });
    setTest(result.data);
  };

  const onRequire = async (next: boolean) => {
    setSwitching(true);
    setRequireError(null);
    const result = await saveSsoConnectionAction(orgId, {
      issuer: saved.issuer ?? "",
      client_id: saved.client_id ?? "",
      require_sso: next,
    });
    setSwitching(false);
    if (!result.ok) return setRequireError(result.fields?.require_sso ?? result.error);
    setSaved(result.data);
    toast.success(next ? "SSO is now required for your verified domains." : "SSO is no longer required.");
  };

  const onRemove = async () => {
    const result = await deleteSsoConnectionAction(orgId);
    if (!result.ok) return void toast.error(result.error);
    setSaved(result.data);
    setTest(null);
    form.reset({ issuer: "", client_id: "", client_secret: "" });
    toast.success("Single sign-on connection removed.");
  };

  return (
    <div className="mt-4 space-y-6">
      <form onSubmit={onSave} noValidate className="space-y-4">
        <Field
          id="sso-issuer"
          label="Issuer URL"
          error={errors.issuer?.message}
          hint="As your identity provider names itself, e.g. https://login.example.com."
        >
          <Input
            type="url"
            inputMode="url"
            placeholder="https://"
            {...describedBy("sso-issuer", errors.issuer?.message, true)}
            {...form.register("issuer")}
          />
        </Field>
        <Field id="sso-client-id" label="Client ID" error={errors.client_id?.message}>
          <Input autoComplete="off" {...describedBy("sso-client-id", errors.client_id?.message)} {...form.register("client_id")} />
        </Field>
        <Field
          id="sso-client-secret"
          label="Client Secret"
          error={errors.client_secret?.message}
          hint={
            saved.client_secret_set
              ? "A secret is saved (it is never shown). Type a new one only to replace it."
              : "Shown to nobody once saved."
          }
        >
          <Input
            type="password"
            autoComplete="new-password"
            placeholder={saved.client_secret_set ? "•••••••• (saved)" : ""}
            {...describedBy("sso-client-secret", errors.client_secret?.message, true)}
            {...form.register("client_secret")}
          />
        </Field>
        <div className="space-y-1.5">
          <p id="sso-redirect-label" className="text-sm font-medium text-zinc-800">
            Redirect URI
          </p>
          <div className="flex items-center gap-2">
            <code
              aria-labelledby="sso-redirect-label"
              className="min-w-0 flex-1 rounded-md bg-zinc-100 px-3 py-2 text-xs break-all text-zinc-900 select-all"
            >
              {saved.redirect_uri}
            </code>
            <CopyButton value={saved.redirect_uri} label="Copy Redirect URI" />
          </div>
          <p className="text-xs text-zinc-600">Register this at your identity provider as the application&apos;s sign-in redirect URI.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save"}
          </Button>
          <Button type="button" variant="secondary" onClick={onTest} disabled={testing}>
            {testing ? "Testing…" : "Test Connection"}
          </Button>
          {saved.configured && (
            <Button type="button" variant="ghost" className="text-red-700" onClick={() => setConfirmRemove(true)}>
              Remove Connection
            </Button>
          )}
        </div>
        {test && <TestOutcome result={test} />}
      </form>

      <div className="border-t border-zinc-200 pt-2">
        <SettingSwitch
          id="require-sso"
          label="Require SSO"
          help={
            saved.configured
              ? "Addresses in this organization's verified domains must use Sign in with SSO: password sign-in and the API's password grant are refused for them."
              : "Save a connection first."
          }
          checked={saved.require_sso}
          disabled={!saved.configured || switching}
          onCheckedChange={onRequire}
        />
        {requireError && (
          <p role="alert" className="text-sm text-red-700">
            {requireError}
          </p>
        )}
      </div>

      <ConfirmDialog
        open={confirmRemove}
        onOpenChange={setConfirmRemove}
        title="Remove the single sign-on connection?"
        description="Sign in with SSO stops at once for your verified domains, and Require SSO with it. Accounts and memberships stay."
        confirmLabel="Remove Connection"
        destructive
        onConfirm={onRemove}
      />
    </div>
  );
}

function TestOutcome({ result }: { result: TestResult }) {
  if (!result.ok) {
    return (
      <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
        <p className="font-medium">Connection failed</p>
        <p>{result.error}</p>
      </div>
    );
  }
  return (
    <div role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900 ring-1 ring-green-200">
      <p className="font-medium">Connection works</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt>Issuer</dt>
        <dd className="break-all">{result.issuer}</dd>
        <dt>Authorization endpoint</dt>
        <dd className="break-all">{result.authorizationEndpoint}</dd>
        <dt>Token endpoint</dt>
        <dd className="break-all">{result.tokenEndpoint}</dd>
        <dt>PKCE (S256)</dt>
        <dd>{result.pkce ? "Supported" : "Not advertised"}</dd>
      </dl>
    </div>
  );
}

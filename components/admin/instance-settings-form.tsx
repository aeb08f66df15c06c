"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { SettingSwitch } from "@/components/settings/setting-switch";
import type { OrgCreators, SignUpMode } from "@/db/schema/instance";
import { updateInstanceSettingsAction } from "@/lib/actions/instance";

type Values = { signUpMode: SignUpMode; allowedDomains: string[]; orgCreators: OrgCreators; selfServicePurchase: boolean };

const signUpChoices: Array<{ value: SignUpMode; label: string; help: string }> = [
  { value: "open", label: "Open", help: "Anyone who reaches this instance can create an account." },
  { value: "invite_only", label: "Invite only", help: "Only people with an invitation to an organization can create an account." },
  { value: "allowed_domains", label: "Allowed domains", help: "Addresses in the domains below, and invited people." },
];
const creatorChoices: Array<{ value: OrgCreators; label: string; help: string }> = [
  { value: "anyone", label: "Anyone", help: "Every signed-in person can form a new organization." },
  { value: "instance_admins", label: "Instance admins", help: "Only instance admins create organizations." },
];

function Choices<T extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  choices: Array<{ value: T; label: string; help: string }>;
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="py-4">
      <legend className="text-sm font-semibold text-zinc-900">{legend}</legend>
      <div className="mt-3 space-y-3">
        {choices.map((c) => (
          <div key={c.value} className="flex items-start gap-3">
            <input
              id={`${name}-${c.value}`}
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              aria-describedby={`${name}-${c.value}-help`}
              className="mt-0.5 size-4 accent-indigo-600"
            />
            <div>
              <label htmlFor={`${name}-${c.value}`} className="text-sm font-medium text-zinc-900">
                {c.label}
              </label>
              <p id={`${name}-${c.value}-help`} className="text-sm text-zinc-600">
                {c.help}
              </p>
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Sign-up, Who can create organizations and Self-service purchase, saved together. */
export function InstanceSettingsForm({ initial }: { initial: Values }) {
  const router = useRouter();
  const [signUpMode, setSignUpMode] = useState(initial.signUpMode);
  const [domains, setDomains] = useState(initial.allowedDomains.join(", "));
  const [orgCreators, setOrgCreators] = useState(initial.orgCreators);
  const [selfService, setSelfService] = useState(initial.selfServicePurchase);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const result = await updateInstanceSettingsAction({
        signUpMode,
        allowedDomains: domains,
        orgCreators,
        selfServicePurchase: selfService,
      });
      if (!result.ok) {
        if (result.fields) setFieldErrors(result.fields);
        else setFormError(result.error);
        return;
      }
      toast.success(result.data.message);
      router.refresh();
    } finally {
      setSaving(false);
    }
  };

  const domainError = fieldErrors.allowedDomains ?? Object.entries(fieldErrors).find(([k]) => k.startsWith("allowedDomains"))?.[1];
  return (
    <form onSubmit={save} noValidate className="space-y-4">
      <FormError message={formError} />
      <Card className="divide-y divide-zinc-200 px-6">
        <div>
          <Choices name="sign-up" legend="Sign-up" choices={signUpChoices} value={signUpMode} onChange={setSignUpMode} />
          {signUpMode === "allowed_domains" && (
            <div className="pb-4 pl-7">
              <label htmlFor="allowed-domain-list" className="block text-sm font-medium text-zinc-800">
                Domain list
              </label>
              <textarea
                id="allowed-domain-list"
                value={domains}
                onChange={(e) => setDomains(e.target.value)}
                rows={3}
                aria-invalid={domainError ? true : undefined}
                aria-describedby={domainError ? "allowed-domain-list-error" : "allowed-domain-list-hint"}
                className="mt-1.5 block w-full max-w-lg rounded-md border-0 px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-invalid:ring-red-500"
              />
              {domainError ? (
                <p id="allowed-domain-list-error" role="alert" className="mt-1 text-xs font-medium text-red-700">
                  {domainError}
                </p>
              ) : (
                <p id="allowed-domain-list-hint" className="mt-1 text-xs text-zinc-600">
                  Domains such as example.com, separated by commas or lines. Subdomains are not included.
                </p>
              )}
            </div>
          )}
        </div>
        <Choices
          name="org-creators"
          legend="Who can create organizations"
          choices={creatorChoices}
          value={orgCreators}
          onChange={setOrgCreators}
        />
        <SettingSwitch
          id="self-service-purchase"
          label="Self-service purchase"
          help="On: Account Admins and Billing Managers buy and change subscriptions themselves. Off: they are asked to contact an instance admin, and only instance admins change seats."
          checked={selfService}
          onCheckedChange={setSelfService}
        />
        <div className="flex justify-end py-4">
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : "Save Settings"}
          </Button>
        </div>
      </Card>
    </form>
  );
}

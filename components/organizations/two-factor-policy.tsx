"use client";
import { useState } from "react";
import { SettingSwitch } from "@/components/settings/setting-switch";
import { setTwoFactorPolicyAction } from "@/lib/actions/two-factor-policy";

/** Org Profile's "Require two-factor authentication", saved as soon as it is switched. */
export function TwoFactorPolicy({ orgId, required, canEdit }: { orgId: string; required: boolean; canEdit: boolean }) {
  const [on, setOn] = useState(required);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div>
      <SettingSwitch
        id="require-two-factor"
        label="Require two-factor authentication"
        help="Members without 2FA can use neither the organization, its API nor their tokens until they enable it. Organization-managed users are exempt."
        checked={on}
        disabled={!canEdit || busy}
        onCheckedChange={async (next) => {
          setBusy(true);
          setMessage(null);
          const result = await setTwoFactorPolicyAction(orgId, next);
          setBusy(false);
          if (!result.ok) return setMessage({ ok: false, text: result.error });
          setOn(next);
          setMessage({ ok: true, text: `Two-factor authentication ${next ? "required" : "no longer required"}.` });
        }}
      />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}

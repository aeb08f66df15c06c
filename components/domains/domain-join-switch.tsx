"use client";
import { useState } from "react";
import { SettingSwitch } from "@/components/settings/setting-switch";
import { setDomainJoinAction } from "@/lib/actions/domains";

/** "Allow members of verified domains to join", saved as soon as it is switched. */
export function DomainJoinSwitch({ orgId, allowed }: { orgId: string; allowed: boolean }) {
  const [on, setOn] = useState(allowed);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div>
      <SettingSwitch
        id="allow-domain-join"
        label="Allow members of verified domains to join"
        help="People whose verified email address is in one of your verified domains see Join on their Organizations page and become Members, without a seat."
        checked={on}
        disabled={busy}
        onCheckedChange={async (next) => {
          setBusy(true);
          setMessage(null);
          const result = await setDomainJoinAction(orgId, next);
          setBusy(false);
          if (!result.ok) return setMessage({ ok: false, text: result.error });
          setOn(next);
          setMessage({ ok: true, text: next ? "People of your verified domains can now join." : "Joining by domain is off." });
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

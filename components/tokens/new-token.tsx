"use client";
import { CopyButton } from "@/components/ui/copy-button";

export type NewToken = {
  token: string;
  expiresAt: string;
  reissued: boolean;
  commands: { condaCommand: string; condaInstall: string; curlCommand: string };
};

function Snippet({ id, label, value, copyLabel }: { id: string; label: string; value: string; copyLabel: string }) {
  return (
    <div className="space-y-1.5">
      <p id={id} className="text-sm font-medium text-zinc-800">
        {label}
      </p>
      <div className="flex items-start gap-2">
        <code className="block min-w-0 flex-1 rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs break-all text-zinc-50">{value}</code>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}

/** The token, shown this once, with the commands that use it. */
export function NewTokenReveal({ issued, expiresLabel }: { issued: NewToken; expiresLabel: string }) {
  return (
    <section aria-labelledby="new-token-title" className="space-y-4 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
      <div>
        <h2 id="new-token-title" className="text-base font-semibold text-zinc-900">
          {issued.reissued ? "Your new token" : "Your token"}
        </h2>
        <p className="mt-1 text-sm text-zinc-700">
          Copy it now: this is the only time it is shown here (we also emailed it to you once). It works until {expiresLabel}.
          {issued.reissued && " Your previous token has stopped working."}
        </p>
      </div>
      <Snippet id="new-token-value" label="Token" value={issued.token} copyLabel="Copy token" />
      <Snippet id="new-token-conda" label="Use it with conda" value={issued.commands.condaCommand} copyLabel="Copy conda command" />
      <p className="text-xs text-zinc-700">
        Then install as usual, e.g. <code className="font-mono">{issued.commands.condaInstall}</code>.
      </p>
      <Snippet id="new-token-curl" label="Or download directly" value={issued.commands.curlCommand} copyLabel="Copy curl command" />
    </section>
  );
}

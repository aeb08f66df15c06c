"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { signOutOtherSessionsAction, signOutSessionAction } from "@/lib/actions/account";

export type SessionRow = { id: string; browser: string; lastSeen: string; lastSeenIso: string; ip: string | null; current: boolean };

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, act: () => ReturnType<typeof signOutOtherSessionsAction>) => {
    setBusy(key);
    setError(null);
    const result = await act();
    setBusy(null);
    if (!result.ok) setError(result.error);
    router.refresh();
  };
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <FormError message={error} />
      <ul className="divide-y divide-zinc-200 rounded-md ring-1 ring-zinc-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" aria-label={`Session: ${s.browser}`}>
            <div>
              <p className="text-sm font-medium text-zinc-900">
                {s.browser}
                {s.current && (
                  <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800">This session</span>
                )}
              </p>
              <p className="text-xs text-zinc-600">
                Last seen <time dateTime={s.lastSeenIso}>{s.lastSeen}</time>
                {s.ip ? ` · ${s.ip}` : ""}
              </p>
            </div>
            {!s.current && (
              <Button variant="secondary" size="sm" disabled={busy !== null} onClick={() => run(s.id, () => signOutSessionAction(s.id))}>
                Sign Out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button variant="secondary" disabled={busy !== null || others === 0} onClick={() => run("others", signOutOtherSessionsAction)}>
        Sign Out Other Sessions
      </Button>
    </div>
  );
}

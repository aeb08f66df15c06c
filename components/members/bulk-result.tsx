"use client";
import Link from "next/link";
import { X } from "lucide-react";
import { Card } from "@/components/ui/card";
import { outcomeLabels, successOutcomes } from "./format";

export type BulkResult = {
  kind: "assign" | "revoke";
  results: Array<{ userId: string; label: string | null; outcome: keyof typeof outcomeLabels }>;
};

/** What a bulk action did, user by user: nothing half-done is ever reported as success. */
export function BulkResultPanel({ result, orgId, onClose }: { result: BulkResult; orgId: string; onClose: () => void }) {
  const ok = result.results.filter((r) => successOutcomes.has(r.outcome)).length;
  const noSeat = result.results.some((r) => r.outcome === "no_seat_available");
  const verb = result.kind === "assign" ? "assigned" : "revoked";
  return (
    <Card className="mb-4 p-4" role="status" aria-label="Bulk result">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm font-semibold text-zinc-900">
          {ok} of {result.results.length} {result.results.length === 1 ? "seat" : "seats"} {verb}.
        </p>
        <button type="button" onClick={onClose} aria-label="Dismiss result" className="rounded p-1 text-zinc-500 hover:bg-zinc-100">
          <X className="size-4" aria-hidden />
        </button>
      </div>
      {noSeat && (
        <p className="mt-1 text-sm text-amber-800">
          Some users got no seat because none were left. Add seats on the{" "}
          <Link href={`/organizations/${orgId}/subscription`} className="font-medium underline">
            Subscription
          </Link>{" "}
          page.
        </p>
      )}
      <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto text-sm">
        {result.results.map((r) => (
          <li key={r.userId} className="flex justify-between gap-4">
            <span className="truncate text-zinc-800">{r.label ?? r.userId}</span>
            <span className={successOutcomes.has(r.outcome) ? "text-emerald-700" : "text-amber-800"}>{outcomeLabels[r.outcome]}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

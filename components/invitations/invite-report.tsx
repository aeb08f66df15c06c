"use client";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { outcomeLabels, type InviteOutcome, type InviteReport } from "@/lib/validation/invitations";
import { inviteRoleLabels } from "./invite-options";
import { reportToCsv } from "./report-csv";

const SHOWN = 200;
const tone: Record<InviteOutcome, string> = {
  invited: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  already_invited: "bg-sky-50 text-sky-900 ring-sky-200",
  already_member: "bg-zinc-100 text-zinc-800 ring-zinc-200",
  no_seat_available: "bg-amber-50 text-amber-900 ring-amber-200",
  invalid: "bg-red-50 text-red-900 ring-red-200",
};

function download(report: InviteReport) {
  const url = URL.createObjectURL(new Blob([reportToCsv(report.entries)], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "invitation-report.csv";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The outcome of one invite request, address by address, downloadable as CSV. */
export function InviteReportView({ report, onDone, onInviteMore }: { report: InviteReport; onDone: () => void; onInviteMore: () => void }) {
  // "No seat available" is shown only when it happened: most invites do not ask for seats.
  const order: InviteOutcome[] = ["invited", "already_invited", "already_member", "invalid"];
  if (report.counts.no_seat_available > 0) order.splice(3, 0, "no_seat_available");
  return (
    <div className="space-y-4">
      <h3 className="text-sm font-semibold text-zinc-900">Invitation report</h3>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {order.map((o) => (
          <div key={o} className={cn("rounded-md px-3 py-2 ring-1", tone[o])}>
            <dt className="text-xs">{outcomeLabels[o]}</dt>
            <dd className="text-lg font-semibold">{report.counts[o].toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      <div
        role="region"
        className="relative max-h-72 overflow-auto rounded-md ring-1 ring-zinc-200"
        tabIndex={0}
        aria-label="Report by address"
      >
        <table className="min-w-full text-sm">
          <thead className="sticky top-0 bg-zinc-50 text-left text-xs font-semibold text-zinc-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Email
              </th>
              <th scope="col" className="px-3 py-2">
                Result
              </th>
              <th scope="col" className="px-3 py-2">
                Role
              </th>
              <th scope="col" className="px-3 py-2">
                Row
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {report.entries.slice(0, SHOWN).map((e, i) => (
              <tr key={`${e.email}-${i}`}>
                <td className="min-w-48 px-3 py-2 [overflow-wrap:anywhere] text-zinc-900">
                  {e.email || <em className="text-zinc-600">(empty)</em>}
                </td>
                <td className="px-3 py-2">
                  <span className={cn("inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1", tone[e.outcome])}>
                    {outcomeLabels[e.outcome]}
                  </span>
                  {e.reason && <p className="mt-1 text-xs text-zinc-700">{e.reason}</p>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-zinc-700">{e.role ? inviteRoleLabels[e.role] : "—"}</td>
                <td className="px-3 py-2 text-zinc-700">{e.rows?.join(", ") ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.entries.length > SHOWN && (
        <p className="text-xs text-zinc-600">
          Showing the first {SHOWN} of {report.entries.length.toLocaleString("en")} addresses; the download has them all.
        </p>
      )}
      <div className="flex flex-wrap justify-between gap-2">
        <Button type="button" variant="secondary" onClick={() => download(report)}>
          <Download className="size-4" aria-hidden /> Download Report (CSV)
        </Button>
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={onInviteMore}>
            Invite More
          </Button>
          <Button type="button" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    </div>
  );
}

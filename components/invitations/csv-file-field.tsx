"use client";
import { cn } from "@/components/ui/cn";
import { MAX_CSV_BYTES, MAX_INVITES_PER_REQUEST } from "@/lib/validation/invitations";
import type { UploadPhase } from "./upload-csv";

const kib = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The Bulk Upload tab: a .csv file, checked for size before it is sent, with upload progress. */
export function CsvFileField({
  file,
  onFile,
  phase,
  error,
}: {
  file: File | null;
  onFile: (file: File | null) => void;
  phase: UploadPhase | null;
  error?: string;
}) {
  const tooBig =
    file && file.size > MAX_CSV_BYTES ? `This file is ${kib(file.size)}; the limit is 5 MB. Split it and upload each part.` : undefined;
  const message = error ?? tooBig;
  const percent = phase?.phase === "uploading" && phase.total > 0 ? Math.round((phase.loaded / phase.total) * 100) : null;
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="invite-csv" className="block text-sm font-medium text-zinc-800">
          CSV file
        </label>
        <input
          id="invite-csv"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          aria-describedby="invite-csv-hint"
          aria-invalid={message ? true : undefined}
          className={cn(
            "block w-full text-sm text-zinc-800 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2",
            "file:text-sm file:font-medium file:text-indigo-800 hover:file:bg-indigo-100",
          )}
        />
        <p id="invite-csv-hint" className={cn("text-xs", message ? "font-medium text-red-700" : "text-zinc-600")}>
          {message ??
            `One address per row. A header row is optional; with one, the "email" column is used. Up to ${MAX_INVITES_PER_REQUEST.toLocaleString("en")} rows and 5 MB; comma or semicolon separated.`}
        </p>
      </div>
      {file && !message && (
        <p className="text-sm text-zinc-700">
          Selected: <span className="font-medium">{file.name}</span> ({kib(file.size)})
        </p>
      )}
      {phase && (
        <div role="status" className="space-y-1.5">
          {phase.phase === "uploading" ? (
            <>
              <div
                role="progressbar"
                aria-label="Upload progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent ?? 0}
                className="h-2 overflow-hidden rounded-full bg-zinc-200"
              >
                <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent ?? 0}%` }} />
              </div>
              <p className="text-xs text-zinc-700">Uploading… {percent ?? 0}%</p>
            </>
          ) : (
            <>
              <div className="h-2 overflow-hidden rounded-full bg-zinc-200">
                <div className="h-full w-1/3 animate-pulse rounded-full bg-indigo-600" />
              </div>
              <p className="text-xs text-zinc-700">Uploaded. Checking addresses and sending invitations…</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}

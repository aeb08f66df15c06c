"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { formatBytes } from "./format";

type Item = { file: File; progress: number; state: "waiting" | "uploading" | "done" | "failed"; message?: string };

const isPackage = (name: string) => name.endsWith(".conda") || name.endsWith(".tar.bz2");

/** One PUT with upload progress (fetch cannot report it); resolves with the status and body. */
function put(url: string, file: File, onProgress: (fraction: number) => void) {
  return new Promise<{ status: number; body: { detail?: string; subdir?: string } }>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { detail: "The connection failed before the upload finished." } });
    xhr.send(file);
  });
}

/**
 * Upload Packages: many .conda / .tar.bz2 files at once, dropped or picked; each is sent on its
 * own with a progress bar, and the dialog ends with a report line per file.
 */
export function UploadPackages({ orgId, channel }: { orgId: string; channel: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [running, setRunning] = useState(false);

  const add = (files: FileList | null) => {
    if (!files) return;
    const next = [...files].map<Item>((file) =>
      isPackage(file.name) ? { file, progress: 0, state: "waiting" } : { file, progress: 0, state: "failed", message: "Not a .conda or .tar.bz2 file." },
    );
    setItems((prev) => [...prev.filter((p) => p.state !== "done"), ...next]);
  };

  const update = (file: File, patch: Partial<Item>) => setItems((prev) => prev.map((p) => (p.file === file ? { ...p, ...patch } : p)));

  const start = async () => {
    setRunning(true);
    let ok = 0;
    let failed = 0;
    for (const item of items.filter((i) => i.state === "waiting")) {
      update(item.file, { state: "uploading" });
      const url = `/organizations/${encodeURIComponent(orgId)}/channels/${encodeURIComponent(channel)}/upload/${encodeURIComponent(item.file.name)}`;
      const res = await put(url, item.file, (progress) => update(item.file, { progress }));
      if (res.status === 201) {
        ok++;
        update(item.file, { state: "done", progress: 1, message: `Uploaded to ${res.body.subdir}.` });
      } else {
        failed++;
        update(item.file, { state: "failed", message: res.body.detail ?? `Failed (HTTP ${res.status}).` });
      }
    }
    setRunning(false);
    if (ok) router.refresh();
    if (failed) toast.error(`${failed} of ${ok + failed} packages were not uploaded: see the report.`);
    else if (ok) toast.success(`${ok} package${ok === 1 ? "" : "s"} uploaded.`);
  };

  const waiting = items.some((i) => i.state === "waiting");
  return (
    <Dialog open={open} onOpenChange={(next) => (running ? undefined : (setOpen(next), next ? undefined : setItems([])))}>
      <DialogTrigger asChild>
        <Button>Upload Packages</Button>
      </DialogTrigger>
      <DialogContent title="Upload Packages" description=".conda or .tar.bz2 files; the platform is read from each package.">
        <div
          onDragOver={(e) => (e.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => (e.preventDefault(), setDragging(false), add(e.dataTransfer.files))}
          className={`rounded-lg border-2 border-dashed p-6 text-center text-sm ${dragging ? "border-indigo-500 bg-indigo-50" : "border-zinc-300"}`}
        >
          <p className="text-zinc-700">Drop packages here, or</p>
          <label htmlFor="package-files" className="mt-2 inline-block cursor-pointer font-medium text-indigo-700 hover:underline">
            Choose files
          </label>
          <input
            ref={input}
            id="package-files"
            type="file"
            multiple
            accept=".conda,.bz2"
            className="sr-only"
            onChange={(e) => (add(e.target.files), e.target.value === "" || (e.target.value = ""))}
          />
        </div>
        {items.length ? (
          <ul aria-label="Upload report" className="mt-4 max-h-64 space-y-2 overflow-y-auto">
            {items.map((item) => (
              <li key={`${item.file.name}-${item.file.lastModified}`} className="text-sm">
                <div className="flex justify-between gap-2">
                  <span className="truncate font-medium text-zinc-900">{item.file.name}</span>
                  <span className="shrink-0 text-zinc-600">{formatBytes(item.file.size)}</span>
                </div>
                <div
                  role="progressbar"
                  aria-label={`${item.file.name} progress`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(item.progress * 100)}
                  className="mt-1 h-1.5 overflow-hidden rounded bg-zinc-200"
                >
                  <div
                    className={`h-full ${item.state === "failed" ? "bg-red-600" : "bg-indigo-600"}`}
                    style={{ width: `${item.state === "failed" ? 100 : Math.round(item.progress * 100)}%` }}
                  />
                </div>
                {item.message ? <p className={item.state === "failed" ? "mt-1 text-red-700" : "mt-1 text-green-800"}>{item.message}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={start} disabled={!waiting || running}>
            {running ? "Uploading…" : "Upload"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

import type { InviteOptions, InviteReport } from "@/lib/validation/invitations";

export type UploadPhase = { phase: "uploading"; loaded: number; total: number } | { phase: "processing" };

export type UploadResult = { ok: true; report: InviteReport } | { ok: false; error: string };

/**
 * Posts the file with XMLHttpRequest, the one browser API that reports upload progress, then
 * reports "processing" while the server invites. Problem+json errors come back as their text.
 */
export function uploadCsv(orgId: string, file: File, options: InviteOptions, onPhase: (p: UploadPhase) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ role: options.role, seat: options.assignSeat ? "1" : "0" });
    xhr.open("POST", `/organizations/${encodeURIComponent(orgId)}/invitations/upload?${query}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onPhase({ phase: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onPhase({ phase: "processing" });
    xhr.onload = () => {
      const body = xhr.response as (InviteReport & { detail?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.entries) resolve({ ok: true, report: body });
      else resolve({ ok: false, error: body?.detail ?? `The upload failed (HTTP ${xhr.status}). Nothing was invited.` });
    };
    xhr.onerror = () => resolve({ ok: false, error: "The upload did not reach the server. Check your connection; nothing was invited." });
    onPhase({ phase: "uploading", loaded: 0, total: file.size });
    xhr.send(file);
  });
}

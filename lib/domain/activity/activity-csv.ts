import type { ActivityEntry } from "@/lib/validation/activity";

const columns = [
  "id",
  "created_at",
  "actor_type",
  "actor_id",
  "actor_label",
  "action",
  "target_type",
  "target_id",
  "target_label",
  "ip",
  "metadata",
] as const;

// A cell that starts like a formula is prefixed with ' so spreadsheets show it as text.
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 BOM + header row, so spreadsheets read the file right. */
export const csvHeader = () => `\uFEFF${columns.join(",")}\r\n`;

export function csvLine(entry: ActivityEntry): string {
  return (
    columns
      .map((c) => {
        const v = entry[c];
        if (v === null || v === undefined) return "";
        return cell(typeof v === "object" ? JSON.stringify(v) : String(v));
      })
      .join(",") + "\r\n"
  );
}

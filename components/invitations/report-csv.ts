import { outcomeLabels, type InviteReportEntry } from "@/lib/validation/invitations";

// A cell that starts like a formula is prefixed with ' so spreadsheets show it as text.
const cell = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The per-address report as a CSV file (UTF-8 with BOM, so spreadsheets read it right). */
export function reportToCsv(entries: InviteReportEntry[]): string {
  const lines = [["email", "result", "role", "details", "rows"].join(",")];
  for (const e of entries) {
    lines.push([e.email, outcomeLabels[e.outcome], e.role ?? "", e.reason ?? "", (e.rows ?? []).join(" ")].map(cell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

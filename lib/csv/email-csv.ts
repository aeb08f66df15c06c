import { parse } from "csv-parse/sync";
import { AppError, type ErrorReason } from "@/lib/errors";
import {
  checkInviteEmail,
  CSV_ROLES,
  MAX_CSV_BYTES,
  MAX_INVITES_PER_REQUEST,
  type EmailCheck,
  type InviteRole,
} from "@/lib/validation/invitations";

/**
 * One distinct address (or invalid value) of a file, with every row it appeared on, and the
 * role of its `role` column when the file has one and the cell is not blank.
 */
export type CsvEmailEntry = { value: string; rows: number[]; check: EmailCheck; role?: InviteRole };
export type ParsedEmailCsv = { entries: CsvEmailEntry[]; dataRows: number; header: boolean; column: number; roleColumn: number };

const HEADER_NAMES = new Set(["email", "e-mail", "email address", "e-mail address", "emailaddress", "mail"]);
const refused = (message: string, reason: ErrorReason) => new AppError("validation", message, { file: message }, reason);

/**
 * Reads a CSV of email addresses: header optional (its `email` column, in any case, is used;
 * otherwise the first column); UTF-8 with or without BOM; CRLF or LF; `,`, `;` or tab;
 * quoted fields; blank lines ignored. Over the limits, or not text at all, it throws and
 * nothing is invited. Addresses listed more than once become one entry with all their rows.
 */
export function parseEmailCsv(file: Uint8Array | string): ParsedEmailCsv {
  const text = typeof file === "string" ? file : decodeText(file);
  if (typeof file === "string" && Buffer.byteLength(text) > MAX_CSV_BYTES) throw tooBig();
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) throw notText();

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw refused(
      `The file could not be read as CSV${line ? ` (near line ${line})` : ""}: ${(err as Error).message.replace(/^Invalid \w+:\s*/, "")}`,
      "csv_unreadable",
    );
  }

  const first = records[0]?.record.map((cell) => cell.trim().toLowerCase()) ?? [];
  const emailColumn = first.findIndex((cell) => HEADER_NAMES.has(cell));
  // A first row that names an email column, or holds no address at all, is a header.
  const header = emailColumn >= 0 || (first.length > 0 && !first.some((cell) => cell.includes("@")));
  const column = Math.max(emailColumn, 0);
  const roleColumn = header ? first.indexOf("role") : -1;
  const data = header ? records.slice(1) : records;
  if (data.length > MAX_INVITES_PER_REQUEST) {
    throw refused(
      `The file has ${data.length.toLocaleString("en")} rows; the limit is ${MAX_INVITES_PER_REQUEST.toLocaleString("en")} per upload. Nothing was invited: split the file and upload each part.`,
      "csv_too_many_rows",
    );
  }

  const byKey = new Map<string, CsvEmailEntry>();
  for (const { record, info } of data) {
    const raw = (record[column] ?? "").trim();
    // csv-parse counts lines up to the end of a record; quoted line breaks move its start back.
    const row = info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const emailCheck = checkInviteEmail(raw);
    const role = roleColumn >= 0 ? roleOf(record[roleColumn], row) : { ok: true as const, role: undefined };
    const check: EmailCheck = emailCheck.ok && !role.ok ? { ok: false, reason: role.reason } : emailCheck;
    const key = emailCheck.ok ? emailCheck.email : raw.toLowerCase();
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { value: emailCheck.ok ? emailCheck.email : raw, rows: [row], check, role: role.ok ? role.role : undefined });
    else {
      seen.rows.push(row);
      // An address listed again with a bad or different role is not guessed at: it is reported.
      if (seen.check.ok && !check.ok) seen.check = check;
      else if (seen.check.ok && role.ok && role.role !== seen.role) {
        seen.check = { ok: false, reason: `Listed with different roles (rows ${seen.rows.join(", ")})` };
      }
    }
  }
  return { entries: [...byKey.values()], dataRows: data.length, header, column, roleColumn };
}

/** A `role` cell: blank means the role chosen in the dialog; anything but the three names is invalid. */
function roleOf(cell: string | undefined, row: number): { ok: true; role?: InviteRole } | { ok: false; reason: string } {
  const value = (cell ?? "").trim().toLowerCase();
  if (!value) return { ok: true };
  if ((CSV_ROLES as readonly string[]).includes(value)) return { ok: true, role: value as InviteRole };
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return { ok: false, reason: `Row ${row}: role "${shown}" is not one of ${CSV_ROLES.join(", ")}` };
}

const tooBig = () =>
  refused(
    `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MiB. Nothing was invited: split it and upload each part.`,
    "csv_too_large",
  );
const notText = () => refused("This file is not a CSV text file (UTF-8). Export the sheet as “CSV UTF-8” and upload that.", "csv_not_text");

function decodeText(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_CSV_BYTES) throw tooBig();
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw notText();
  }
}

/** The separator that occurs most, outside quotes, on the first non-blank line. */
function detectDelimiter(text: string): string {
  const line =
    text
      .replace(/^\uFEFF/, "")
      .split(/\r\n|\n|\r/)
      .find((l) => l.trim() !== "") ?? "";
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return Object.entries(counts).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [",", 0])[0];
}

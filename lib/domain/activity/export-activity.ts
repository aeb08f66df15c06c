import { db } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { activityFilterSchema, type ActivityFilterInput } from "@/lib/validation/activity";
import { parseInput } from "@/lib/validation/parse";
import { loadOrgAccess } from "../organizations/org-access";
import { fetchActivityRows, resolveActivityFilter, toActivityEntry } from "./activity-query";
import { csvHeader, csvLine } from "./activity-csv";

export type ExportFormat = "csv" | "jsonl";
const BATCH = 1000;

/**
 * The filtered log as a stream of CSV or JSON lines, newest first. Each pull reads the next
 * keyset batch, so memory stays flat however many entries there are, and a client that stops
 * reading stops the queries. Authorization and filter parsing happen before the first byte, so
 * errors still become proper responses.
 */
export async function exportActivity(actor: Actor, orgSlug: string, input: ActivityFilterInput, format: ExportFormat) {
  const filter = parseInput(activityFilterSchema, { ...input, cursor: undefined });
  const { org } = await loadOrgAccess(actor, orgSlug, "activity.read");
  const resolved = await resolveActivityFilter(db(), org.id, filter);
  const encoder = new TextEncoder();
  let before: number | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          if (format === "csv") controller.enqueue(encoder.encode(csvHeader()));
        }
        const rows = await fetchActivityRows(db(), resolved, before, BATCH);
        if (rows.length === 0) return controller.close();
        before = rows[rows.length - 1].id;
        const text = rows
          .map((row) => (format === "csv" ? csvLine(toActivityEntry(row)) : JSON.stringify(toActivityEntry(row)) + "\n"))
          .join("");
        controller.enqueue(encoder.encode(text));
        if (rows.length < BATCH) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    stream,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    fileName: `activity-${org.slug}-${stamp}.${format}`,
  };
}

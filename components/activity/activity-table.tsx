import { TableCard, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ActivityRow } from "@/db/schema";

const formatValue = (v: unknown) => (v === true ? "on" : v === false ? "off" : String(v));

/** A short human summary of an entry's metadata (before -> after where there is one). */
function details(e: ActivityRow): string | null {
  const m = e.metadata;
  if (!m) return null;
  if ("from" in m && "to" in m) {
    const what = typeof m.setting === "string" ? `${m.setting}: ` : "";
    return `${what}${formatValue(m.from)} → ${formatValue(m.to)}`;
  }
  return null;
}

/** The log in its own scrolling card: at 1280 px it fits beside the navigation, on a phone it scrolls. */
export function ActivityTable({ entries }: { entries: ActivityRow[] }) {
  return (
    <TableCard label="Activity, newest first">
      <table className="min-w-full divide-y divide-zinc-200 text-sm">
        <caption className="sr-only">Activity, newest first</caption>
        <THead>
          <tr>
            <Th>When</Th>
            <Th>Who</Th>
            <Th>What</Th>
            <Th>Target</Th>
            <Th>IP</Th>
          </tr>
        </THead>
        <TBody>
          {entries.map((e) => {
            const more = details(e);
            return (
              <tr key={e.id}>
                <Td className="text-zinc-700">
                  <time dateTime={e.createdAt.toISOString()}>
                    {/* Date and time may take two lines (never break inside one), so the log fits at 1280 px. */}
                    <span className="whitespace-nowrap">{e.createdAt.toISOString().slice(0, 10)}</span>{" "}
                    <span className="whitespace-nowrap">{e.createdAt.toISOString().slice(11, 19)} UTC</span>
                  </time>
                </Td>
                <Td className="text-zinc-900">
                  {e.actorLabel ?? "system"}
                  {e.actorType === "service_account" && <span className="ml-1 text-xs text-zinc-600">(service account)</span>}
                </Td>
                <Td>
                  <span className="font-mono text-xs whitespace-nowrap text-zinc-800">{e.action}</span>
                  {more && <span className="block text-xs text-zinc-600">{more}</span>}
                </Td>
                <Td className="text-zinc-700">{e.targetLabel ?? e.targetId ?? "—"}</Td>
                <Td className="font-mono text-xs whitespace-nowrap text-zinc-700">{e.ip ?? "—"}</Td>
              </tr>
            );
          })}
        </TBody>
      </table>
    </TableCard>
  );
}

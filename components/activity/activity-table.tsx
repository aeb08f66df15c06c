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

export function ActivityTable({ entries }: { entries: ActivityRow[] }) {
  return (
    <table className="min-w-full divide-y divide-zinc-200 text-sm">
      <caption className="sr-only">Activity, newest first</caption>
      <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase">
        <tr>
          <th scope="col" className="px-4 py-3">When</th>
          <th scope="col" className="px-4 py-3">Who</th>
          <th scope="col" className="px-4 py-3">What</th>
          <th scope="col" className="px-4 py-3">Target</th>
          <th scope="col" className="px-4 py-3">IP</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {entries.map((e) => {
          const more = details(e);
          return (
            <tr key={e.id}>
              <td className="px-4 py-3 whitespace-nowrap text-zinc-700">
                <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              </td>
              <td className="px-4 py-3 text-zinc-900">
                {e.actorLabel ?? "system"}
                {e.actorType === "service_account" && <span className="ml-1 text-xs text-zinc-600">(service account)</span>}
              </td>
              <td className="px-4 py-3">
                <span className="font-mono text-xs text-zinc-800">{e.action}</span>
                {more && <span className="block text-xs text-zinc-600">{more}</span>}
              </td>
              <td className="px-4 py-3 text-zinc-700">{e.targetLabel ?? e.targetId ?? "—"}</td>
              <td className="px-4 py-3 font-mono text-xs text-zinc-700">{e.ip ?? "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

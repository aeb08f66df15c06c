"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { TBody, Td, Th, THead } from "@/components/ui/table";

export type DownloadDay = { day: string; downloads: number };

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en", {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });

/**
 * Downloads per day as an SVG bar chart (recharts, with its accessibility layer: the chart is
 * focusable and the arrow keys move the tooltip from day to day), named by its <title> and
 * described by its <desc>. The same numbers are in a table under "Show as a table", for screen
 * readers that do not enter the chart and for anyone who wants exact figures.
 */
export function DownloadsChart({ days, title }: { days: DownloadDay[]; title: string }) {
  const total = days.reduce((sum, d) => sum + d.downloads, 0);
  const busiest = days.reduce((best, d) => (d.downloads > best.downloads ? d : best), days[0]);
  const description =
    `${total.toLocaleString("en")} downloads from ${longDay(days[0].day)} to ${longDay(days[days.length - 1].day)} (UTC days); ` +
    `the busiest day was ${longDay(busiest.day)} with ${busiest.downloads.toLocaleString("en")}.`;
  return (
    <div>
      <div className="h-56 w-full">
        <BarChart
          responsive
          style={{ width: "100%", height: "100%" }}
          data={days}
          title={title}
          desc={description}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12, fill: "#52525b" }} tickLine={false} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#52525b" }} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: "#eef2ff" }}
            labelFormatter={(day) => longDay(String(day))}
            formatter={(value) => [Number(value).toLocaleString("en"), "Downloads"]}
          />
          <Bar dataKey="downloads" name="Downloads" fill="#4f46e5" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-indigo-700 hover:underline">Show as a table</summary>
        {/* Focusable, so keyboard users can scroll it too. */}
        <div
          role="region"
          aria-label="Downloads per day"
          tabIndex={0}
          className="relative mt-2 max-h-72 overflow-auto rounded-md ring-1 ring-zinc-200"
        >
          <table className="w-full divide-y divide-zinc-200 text-sm">
            <caption className="sr-only">{title}</caption>
            <THead>
              <tr>
                <Th>Day (UTC)</Th>
                <Th className="text-right">Downloads</Th>
              </tr>
            </THead>
            <TBody>
              {days.map((d) => (
                <tr key={d.day}>
                  <Td>
                    <time dateTime={d.day}>{longDay(d.day)}</time>
                  </Td>
                  <Td className="text-right tabular-nums">{d.downloads.toLocaleString("en")}</Td>
                </tr>
              ))}
            </TBody>
          </table>
        </div>
      </details>
    </div>
  );
}

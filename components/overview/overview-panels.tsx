import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { OrgOverview, OverviewActivity } from "@/lib/domain/overview/get-overview";
import { DownloadsChart } from "./downloads-chart";

type Packages = NonNullable<OrgOverview["packages"]>;

const n = (value: number) => value.toLocaleString("en");
const linkClass = "font-medium text-indigo-700 hover:underline";

function Panel({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="min-w-0">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id={id} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        {action && <div className="text-sm">{action}</div>}
      </div>
      {children}
    </section>
  );
}

/** A quiet note in place of a chart or table that has nothing to show yet. */
function Quiet({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border-2 border-dashed border-zinc-200 px-4 py-8 text-center text-sm">
      <p className="font-semibold text-zinc-900">{title}</p>
      {children && <p className="mt-1 text-zinc-600">{children}</p>}
    </div>
  );
}

export function DownloadsPanel({ orgId, packages, canManage }: { orgId: string; packages: Packages; canManage: boolean }) {
  const total = packages.days.reduce((sum, d) => sum + d.downloads, 0);
  const title = "Package downloads per day, last 30 days";
  return (
    <Panel
      id="downloads-heading"
      title="Package downloads"
      action={
        <Link href={`/organizations/${orgId}/channels`} className={linkClass}>
          Channels
        </Link>
      }
    >
      <Card className="p-4">
        <p className="mb-2 text-sm text-zinc-600">
          <span className="font-semibold text-zinc-900 tabular-nums">{n(total)}</span> downloads in the last 30 days (UTC days)
        </p>
        {packages.channels === 0 ? (
          <Quiet title="No channels yet">
            {canManage
              ? "Create a channel on the Channels page and upload packages to it."
              : "No channel of this organization is open to you."}
          </Quiet>
        ) : total === 0 ? (
          <Quiet title="No downloads in the last 30 days">
            {packages.packages === 0
              ? "Upload packages to a channel to start."
              : "Downloads through member tokens are counted here within a minute."}
          </Quiet>
        ) : (
          <DownloadsChart days={packages.days} title={title} />
        )}
      </Card>
    </Panel>
  );
}

export function TopPackagesPanel({ orgId, packages }: { orgId: string; packages: Packages }) {
  return (
    <Panel id="top-packages-heading" title="Most downloaded packages">
      {packages.top.length === 0 ? (
        <Quiet title="No package downloaded yet" />
      ) : (
        <Table aria-label="Most downloaded packages">
          <THead>
            <tr>
              <Th>Package</Th>
              <Th>Channel</Th>
              <Th className="text-right">30 days</Th>
              <Th className="text-right">All time</Th>
            </tr>
          </THead>
          <TBody>
            {packages.top.map((p) => (
              <tr key={`${p.channel}/${p.name}`}>
                <Td className="font-medium text-zinc-900">{p.name}</Td>
                <Td>
                  <Link href={`/organizations/${orgId}/channels/${p.channel}`} className={linkClass}>
                    {p.channel}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">{n(p.recent)}</Td>
                <Td className="text-right tabular-nums">{n(p.allTime)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Panel>
  );
}

export function RecentActivityPanel({ orgId, entries }: { orgId: string; entries: OverviewActivity[] }) {
  return (
    <Panel
      id="activity-heading"
      title="Recent activity"
      action={
        <Link href={`/organizations/${orgId}/activity`} className={linkClass}>
          All activity
        </Link>
      }
    >
      {entries.length === 0 ? (
        <Quiet title="No activity yet" />
      ) : (
        <Card>
          <ol className="divide-y divide-zinc-100 text-sm">
            {entries.map((e) => (
              <li key={e.id} className="px-4 py-2.5">
                <span className="block min-w-0 wrap-anywhere text-zinc-900">
                  <span className="font-medium">{e.actorLabel ?? "system"}</span>{" "}
                  <span className="font-mono text-xs text-zinc-700">{e.action}</span>
                  {e.targetLabel && <span className="text-zinc-700"> {e.targetLabel}</span>}
                </span>
                <time dateTime={e.createdAt.toISOString()} className="mt-0.5 block text-xs text-zinc-600">
                  {e.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                </time>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </Panel>
  );
}

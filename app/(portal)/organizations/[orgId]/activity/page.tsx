import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/portal/no-access";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listActivity } from "@/lib/domain/activity/list-activity";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("activity.read")) return <NoAccess>Only Account Admins can read the activity log.</NoAccess>;
  const before = Number((await searchParams).before) || undefined;
  const { entries, nextBefore } = await listActivity(user, org.slug, { before });
  return (
    <>
      <PageHeader title="Activity" description="Every change made in this organization, newest first." />
      {entries.length === 0 ? (
        <EmptyState title="No activity yet" />
      ) : (
        <Card className="overflow-x-auto">
          <table className="min-w-full divide-y divide-zinc-200 text-sm">
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
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-3 whitespace-nowrap text-zinc-700">
                    <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                  </td>
                  <td className="px-4 py-3 text-zinc-900">
                    {e.actorLabel ?? "system"}
                    {e.actorType === "service_account" && <span className="ml-1 text-xs text-zinc-600">(service account)</span>}
                  </td>
                  <td className="px-4 py-3 font-mono text-xs text-zinc-800">{e.action}</td>
                  <td className="px-4 py-3 text-zinc-700">{e.targetLabel ?? e.targetId ?? "—"}</td>
                  <td className="px-4 py-3 font-mono text-xs text-zinc-700">{e.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <div className="mt-4 flex justify-end gap-3 text-sm">
        {before && (
          <Link href={`/organizations/${org.slug}/activity`} className="font-medium text-indigo-700 hover:underline">
            Newest
          </Link>
        )}
        {nextBefore && (
          <Link href={`/organizations/${org.slug}/activity?before=${nextBefore}`} className="font-medium text-indigo-700 hover:underline">
            Older entries
          </Link>
        )}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ActivityTable } from "@/components/activity/activity-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { listInstanceActivity } from "@/lib/domain/instance/list-instance";
import { asInstanceAdmin, type SearchParams } from "../admin-data";

export const metadata: Metadata = { title: "Activity" };

// GET /admin/activity: the instance log (settings, accounts, granted subscriptions, sign-ups).
export default async function AdminActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSessionUser("/admin/activity");
  const raw = (await searchParams).cursor;
  const cursor = Array.isArray(raw) ? raw[0] : raw;
  const { entries, nextCursor } = await asInstanceAdmin(() => listInstanceActivity(user, { cursor }));
  return (
    <>
      <PageHeader
        title="Activity"
        description="Changes to this instance: settings, disabled and enabled accounts, granted subscriptions and sign-ups. Newest first."
      />
      {entries.length === 0 ? <EmptyState title="No instance activity yet" /> : <ActivityTable entries={entries} />}
      <nav aria-label="Pagination" className="mt-4 flex justify-end gap-3 text-sm">
        {cursor && (
          <Link href="/admin/activity" className="font-medium text-indigo-700 hover:underline">
            Newest
          </Link>
        )}
        {nextCursor && (
          <Link href={`/admin/activity?cursor=${nextCursor}`} className="font-medium text-indigo-700 hover:underline">
            Older entries
          </Link>
        )}
      </nav>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFilters, type ActivityFilterValues } from "@/components/activity/activity-filters";
import { ActivityTable } from "@/components/activity/activity-table";
import { NoAccess } from "@/components/portal/no-access";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { listActivity } from "@/lib/domain/activity/list-activity";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getOrgContext } from "../org-context";

export const metadata: Metadata = { title: "Activity" };

type Search = ActivityFilterValues & { cursor?: string };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const { user, org, can } = await getOrgContext(orgId);
  if (!can("activity.read")) return <NoAccess>Only Account Admins can read the activity log.</NoAccess>;
  const raw = await searchParams;
  const search: Search = {
    actor: one(raw.actor),
    action: one(raw.action),
    target: one(raw.target),
    from: one(raw.from),
    to: one(raw.to),
    cursor: one(raw.cursor),
  };
  const basePath = `/organizations/${org.slug}/activity`;

  let page: Awaited<ReturnType<typeof listActivity>> | null = null;
  let errors: FieldErrors = {};
  try {
    page = await listActivity(user, org.slug, search);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "validation") throw err;
    errors = err.fields ?? {};
  }

  const filters = new URLSearchParams();
  for (const key of ["actor", "action", "target", "from", "to"] as const) if (search[key]) filters.set(key, search[key]!);
  const withParams = (extra: Record<string, string>) => {
    const p = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.toString();
  };
  const filtered = filters.size > 0;

  return (
    <>
      <PageHeader
        title="Activity"
        description="Every change made in this organization: who, what, which target, when and from where. Newest first."
        actions={
          <>
            <a
              href={`${basePath}/export?${withParams({ format: "csv" })}`}
              className="rounded-md px-3 py-2 text-sm font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50"
              download
            >
              Export CSV
            </a>
            <a
              href={`${basePath}/export?${withParams({ format: "jsonl" })}`}
              className="rounded-md px-3 py-2 text-sm font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50"
              download
            >
              Export JSON Lines
            </a>
          </>
        }
      />
      <ActivityFilters basePath={basePath} values={search} errors={errors} />
      {page && page.entries.length === 0 ? (
        <EmptyState title={filtered ? "No activity matches these filters" : "No activity yet"} />
      ) : page ? (
        <ActivityTable entries={page.entries} />
      ) : null}
      <nav aria-label="Pagination" className="mt-4 flex justify-end gap-3 text-sm">
        {search.cursor && (
          <Link href={`${basePath}?${filters.toString()}`} className="font-medium text-indigo-700 hover:underline">
            Newest
          </Link>
        )}
        {page?.nextCursor && (
          <Link href={`${basePath}?${withParams({ cursor: page.nextCursor })}`} className="font-medium text-indigo-700 hover:underline">
            Older entries
          </Link>
        )}
      </nav>
    </>
  );
}

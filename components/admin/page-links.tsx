import Link from "next/link";

/** "Showing X–Y of Z" with Previous / Next links that keep the search. */
export function PageLinks({
  basePath,
  q,
  page,
  pageSize,
  total,
}: {
  basePath: string;
  q?: string;
  page: number;
  pageSize: number;
  total: number;
}) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const linkClass = "rounded-md px-3 py-1.5 font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50";
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-700">
      <p>{to === 0 ? "No results" : `Showing ${from}–${to} of ${total.toLocaleString("en")}`}</p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link href={href(page - 1)} className={linkClass}>
            Previous
          </Link>
        )}
        {to < total && (
          <Link href={href(page + 1)} className={linkClass}>
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}

import Link from "next/link";

const link = "rounded px-3 py-1.5 font-medium text-indigo-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50";

/** Keyset paging of the packages table: forward by cursor, and back to the first page. */
export function PackagesPager({ base, total, shown, first, next }: { base: string; total: number; shown: number; first: boolean; next: string | null }) {
  if (first && !next) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-zinc-700">
      <p>
        Showing {shown.toLocaleString("en")} of {total.toLocaleString("en")} packages
      </p>
      <div className="flex gap-2">
        {first ? null : (
          <Link href={base} className={link}>
            First page
          </Link>
        )}
        {next ? (
          <Link href={`${base}?after=${next}`} className={link}>
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

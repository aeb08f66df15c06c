import type { ReactNode } from "react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { PageLinks } from "./page-links";
import { SearchForm } from "./search-form";

type Column = { label: string; align?: "right"; hidden?: boolean };

/**
 * The shape every /admin list shares: a heading, a search box, the table (or what to say when
 * nothing matches), and page links that keep the search. Pages pass the columns and the rows.
 */
export function AdminList({
  title,
  description,
  basePath,
  search,
  caption,
  columns,
  empty,
  page,
  children,
}: {
  title: string;
  description: string;
  basePath: string;
  search: { label: string; placeholder: string; q?: string };
  caption: string;
  columns: Column[];
  /** What to say when there are no rows: with a search, and without one. */
  empty: { searched: { title: string; hint?: string }; none: { title: string; hint?: string } };
  page: { page: number; pageSize: number; total: number; rows: number };
  children: ReactNode;
}) {
  const nothing = search.q ? empty.searched : empty.none;
  return (
    <>
      <PageHeader title={title} description={description} />
      <SearchForm label={search.label} value={search.q} placeholder={search.placeholder} />
      {page.rows === 0 ? (
        <EmptyState title={nothing.title}>{nothing.hint}</EmptyState>
      ) : (
        <Table aria-label={caption}>
          <THead>
            <tr>
              {columns.map((c) => (
                <Th key={c.label} className={c.align === "right" ? "text-right" : undefined}>
                  {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
                </Th>
              ))}
            </tr>
          </THead>
          <TBody>{children}</TBody>
        </Table>
      )}
      <PageLinks basePath={basePath} q={search.q} page={page.page} pageSize={page.pageSize} total={page.total} />
    </>
  );
}

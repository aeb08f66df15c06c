import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** ?q= and ?page= as the list use cases take them (a bad page number goes back to page 1). */
export async function readSearch(searchParams: SearchParams) {
  const raw = await searchParams;
  const q = one(raw.q)?.trim().slice(0, 254) || undefined;
  const page = Number(one(raw.page) ?? 1);
  return { q, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

/** Runs a page's query as the use case allows it: anyone but an instance admin gets "not found", as from the layout. */
export async function asInstanceAdmin<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

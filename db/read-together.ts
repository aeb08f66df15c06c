import { PgTransaction } from "drizzle-orm/pg-core";
import type { Queryable } from "./client";

type Reads = readonly (() => unknown)[];
type Results<T extends Reads> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads side by side on the pool, and one after another inside a transaction:
 * a transaction is one connection, and pg does not take a query while another runs on the same
 * client (a deprecation warning today, an error from pg 9). Readers take a `Queryable` so that
 * writes can call them inside their transaction; pages call them on the pool and keep the
 * parallel round trips.
 */
export async function readTogether<const T extends Reads>(q: Queryable, reads: T): Promise<Results<T>> {
  if (!(q instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}

import { and, eq, sql } from "drizzle-orm";
import { t, type Queryable, type Tx } from "@/db";
import type { PackageFormat } from "./package-filename";

const keyOf = (format: PackageFormat) => (format === ".conda" ? "packages.conda" : "packages");

export const emptyRepodata = (subdir: string) => ({
  info: { subdir },
  packages: {} as Record<string, unknown>,
  "packages.conda": {} as Record<string, unknown>,
  removed: [] as string[],
  repodata_version: 1,
});

/**
 * Adds one record to the subdir's repodata in the caller's transaction. jsonb_set touches one key:
 * the other packages are never read or rebuilt. The row lock orders concurrent uploads.
 */
export async function addToRepodata(tx: Tx, channelId: string, subdir: string, format: PackageFormat, filename: string, record: object) {
  const initial = emptyRepodata(subdir);
  initial[keyOf(format)][filename] = record;
  await tx.execute(sql`
    insert into channel_repodata (channel_id, subdir, data) values (${channelId}, ${subdir}, ${JSON.stringify(initial)}::jsonb)
    on conflict (channel_id, subdir) do update
      set data = jsonb_set(channel_repodata.data, array[${keyOf(format)}, ${filename}]::text[], ${JSON.stringify(record)}::jsonb, true),
          revision = channel_repodata.revision + 1,
          updated_at = now()`);
}

export async function removeFromRepodata(tx: Tx, channelId: string, subdir: string, filename: string) {
  const format: PackageFormat = filename.endsWith(".conda") ? ".conda" : ".tar.bz2";
  await tx
    .update(t.channelRepodata)
    .set({
      data: sql`${t.channelRepodata.data} #- array[${keyOf(format)}, ${filename}]::text[]`,
      revision: sql`${t.channelRepodata.revision} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(t.channelRepodata.channelId, channelId), eq(t.channelRepodata.subdir, subdir)));
}

/** The served document as text, read in one statement (no parse and re-serialise in JS). */
export async function loadRepodataText(q: Queryable, channelId: string, subdir: string) {
  const [row] = await q
    .select({
      text: sql<string>`${t.channelRepodata.data}::text`,
      revision: t.channelRepodata.revision,
      updatedAt: t.channelRepodata.updatedAt,
    })
    .from(t.channelRepodata)
    .where(and(eq(t.channelRepodata.channelId, channelId), eq(t.channelRepodata.subdir, subdir)))
    .limit(1);
  return row ?? null;
}

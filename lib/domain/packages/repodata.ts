import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db";

export const emptyRepodata = (subdir: string) => ({
  info: { subdir },
  packages: {} as Record<string, unknown>,
  "packages.conda": {} as Record<string, unknown>,
  removed: [] as string[],
  repodata_version: 1,
});

/**
 * Marks the subdir's repodata as changed in the caller's transaction: the package row (its
 * `record`) is the fragment, and `channel_repodata` holds only a revision. An upload or delete
 * writes one small row here, whatever the subdir holds; its trigger NOTIFYs every process to
 * rebuild the document on the next request (see docs/decisions/020). The row lock orders
 * concurrent uploads, so revisions are never skipped or repeated.
 */
export async function touchRepodata(tx: Tx, channelId: string, subdir: string) {
  await tx.execute(sql`
    insert into channel_repodata (channel_id, subdir) values (${channelId}, ${subdir})
    on conflict (channel_id, subdir) do update
      set revision = channel_repodata.revision + 1, updated_at = now()`);
}

type Row = { revision: number | null; updated_at: Date | string | null; conda: string | null; bz2: string | null };

/**
 * The served document as text, assembled in one statement (one snapshot, so the revision and the
 * packages agree): PostgreSQL writes each `"filename":record` pair from the stored jsonb text and
 * joins them; nothing is parsed or re-serialised in JS. Read once per change per process.
 */
export async function loadRepodataText(q: Queryable, channelId: string, subdir: string) {
  const pairs = (suffix: string) => sql`(
    select string_agg(to_json(p.filename)::text || ':' || p.record::text, ',' order by p.filename)
    from packages p where p.channel_id = ${channelId} and p.subdir = ${subdir} and p.filename like ${`%${suffix}`})`;
  const result = (await q.execute(sql`
    select r.revision, r.updated_at, ${pairs(".conda")} as conda, ${pairs(".tar.bz2")} as bz2
    from (select 1) one
    left join channel_repodata r on r.channel_id = ${channelId} and r.subdir = ${subdir}`)) as unknown as { rows: Row[] };
  const row = result.rows[0];
  if (!row || row.revision === null) return null;
  const text =
    `{"info":{"subdir":${JSON.stringify(subdir)}},"packages":{${row.bz2 ?? ""}},"packages.conda":{${row.conda ?? ""}},` +
    `"removed":[],"repodata_version":1}`;
  return { text, revision: row.revision, updatedAt: new Date(row.updated_at!) };
}

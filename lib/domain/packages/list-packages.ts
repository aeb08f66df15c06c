import { and, asc, eq, sql } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { getChannel } from "../channels/get-channel";
import { toPackageJson } from "./package-json";

/** A readable channel's packages (the API's list, at most 10,000), by name then file name. */
export async function listPackages(actor: Actor, orgSlug: string, channelName: string, opts: { limit?: number } = {}) {
  const { channel } = await getChannel(actor, orgSlug, channelName);
  const rows = await db()
    .select()
    .from(t.packages)
    .where(eq(t.packages.channelId, channel.id))
    .orderBy(asc(t.packages.name), asc(t.packages.filename), asc(t.packages.subdir))
    .limit(Math.min(opts.limit ?? 10_000, 10_000));
  return rows.map(toPackageJson);
}

export const PACKAGES_PAGE_SIZE = 100;

type Position = [name: string, filename: string, subdir: string];
const encode = (p: Position) => Buffer.from(JSON.stringify(p)).toString("base64url");
function decode(cursor: string | undefined): Position | null {
  if (!cursor) return null;
  try {
    const p: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(p) && p.length === 3 && p.every((x) => typeof x === "string") ? (p as Position) : null;
  } catch {
    return null;
  }
}

/**
 * One page of the channel page's table: keyset on (name, filename, subdir), which the
 * (channel_id, name, filename, subdir) index walks in order, so a page costs the same in a
 * channel of ten packages or of a hundred thousand. A cursor that does not parse is the first page.
 */
export async function listPackagesPage(actor: Actor, orgSlug: string, channelName: string, opts: { after?: string } = {}) {
  const { channel, json } = await getChannel(actor, orgSlug, channelName);
  const after = decode(opts.after);
  const rows = await db()
    .select()
    .from(t.packages)
    .where(
      and(
        eq(t.packages.channelId, channel.id),
        after
          ? sql`(${t.packages.name}, ${t.packages.filename}, ${t.packages.subdir}) > (${after[0]}, ${after[1]}, ${after[2]})`
          : undefined,
      ),
    )
    .orderBy(asc(t.packages.name), asc(t.packages.filename), asc(t.packages.subdir))
    .limit(PACKAGES_PAGE_SIZE + 1);
  const page = rows.slice(0, PACKAGES_PAGE_SIZE);
  const last = page.at(-1);
  return {
    channel: json,
    packages: page.map(toPackageJson),
    next: rows.length > PACKAGES_PAGE_SIZE && last ? encode([last.name, last.filename, last.subdir]) : null,
  };
}

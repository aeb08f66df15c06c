import { asc, eq } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { getChannel } from "../channels/get-channel";
import { toPackageJson } from "./package-json";

/** A readable channel's packages, by name then version order of upload. */
export async function listPackages(actor: Actor, orgSlug: string, channelName: string, opts: { limit?: number } = {}) {
  const { channel } = await getChannel(actor, orgSlug, channelName);
  const rows = await db()
    .select()
    .from(t.packages)
    .where(eq(t.packages.channelId, channel.id))
    .orderBy(asc(t.packages.name), asc(t.packages.createdAt), asc(t.packages.filename))
    .limit(Math.min(opts.limit ?? 10_000, 10_000));
  return rows.map(toPackageJson);
}

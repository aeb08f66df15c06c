import { and, eq, inArray } from "drizzle-orm";
import { readTogether, t, type Queryable } from "@/db";
import type { OrgAccess } from "@/lib/domain/organizations/org-access";
import { AppError, notFound } from "@/lib/errors";
import { CHANNEL_NAME } from "@/lib/validation/channels";
import type { ChannelReader } from "./channel-rule";

export const channelNotFound = () => notFound("Channel not found in this organization.");

/** A channel of this org by name; another org's channel is "not found" like a made-up name. */
export async function loadChannel(q: Queryable, orgId: string, name: string, opts: { forUpdate?: boolean } = {}) {
  if (typeof name !== "string" || !CHANNEL_NAME.test(name)) throw channelNotFound();
  const query = q
    .select()
    .from(t.channels)
    .where(and(eq(t.channels.orgId, orgId), eq(t.channels.name, name)))
    .limit(1);
  const [channel] = opts.forUpdate ? await query.for("update") : await query;
  if (!channel) throw channelNotFound();
  return channel;
}

export async function channelGroupIds(q: Queryable, channelId: string): Promise<string[]> {
  const rows = await q.select({ id: t.channelGroups.groupId }).from(t.channelGroups).where(eq(t.channelGroups.channelId, channelId));
  return rows.map((r) => r.id);
}

/** The acting principal as a channel reader: role, seat and groups, read from the database now. */
export async function readerOf(q: Queryable, access: OrgAccess, userId: string | null): Promise<ChannelReader> {
  if (access.principal.kind === "service_account" || !userId) return { role: null, seated: true, groupIds: [] };
  const [[membership], groups] = await readTogether(q, [
    () => q
      .select({ seat: t.memberships.seatAssignedAt })
      .from(t.memberships)
      .where(and(eq(t.memberships.orgId, access.org.id), eq(t.memberships.userId, userId)))
      .limit(1),
    () => q
      .select({ id: t.groupMembers.groupId })
      .from(t.groupMembers)
      .where(and(eq(t.groupMembers.orgId, access.org.id), eq(t.groupMembers.userId, userId))),
  ]);
  return { role: access.role, seated: !!membership?.seat, groupIds: groups.map((g) => g.id) };
}

/** Group ids given for a channel must all be groups of this org (else: a field error, nothing saved). */
export async function assertOrgGroups(q: Queryable, orgId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await q
    .select({ id: t.groups.id })
    .from(t.groups)
    .where(and(eq(t.groups.orgId, orgId), inArray(t.groups.id, unique)));
  if (found.length !== unique.length) {
    throw new AppError("validation", "Some fields need attention.", { group_ids: "Pick groups of this organization." }, "unknown_group");
  }
  return unique;
}

export const actorUserId = (actor: { kind: string; userId?: string }) => (actor.kind === "user" ? (actor.userId ?? null) : null);

import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { parseEmailCsv, type CsvEmailEntry } from "@/lib/csv/email-csv";
import {
  checkInviteEmail,
  inviteMembersSchema,
  type InviteMembersInput,
  type InviteOutcome,
  type InviteReport,
  type InviteReportEntry,
} from "@/lib/validation/invitations";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { jsonList, lockOrgInvitations, prepareSend, type InvitationCtx } from "./invite-context";
import { consumeInviteBudget } from "./invite-limiter";
import { createInvitations, reissueInvitations } from "./send-links";

type Entry = Omit<CsvEmailEntry, "rows"> & { rows?: number[]; count: number };

/** Admins invite typed addresses (the chips of the Invite Members dialog). */
export async function inviteMembers(actor: Actor, orgSlug: string, input: InviteMembersInput, ctx: InvitationCtx = {}) {
  const { emails } = parseInput(inviteMembersSchema, input);
  const byKey = new Map<string, Entry>();
  for (const raw of emails) {
    const check = checkInviteEmail(raw);
    const key = check.ok ? check.email : raw.trim().toLowerCase();
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { value: check.ok ? check.email : raw.trim(), check, count: 1 });
  }
  const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage");
  return inviteEntries(actor, org, [...byKey.values()], ctx, "manual");
}

/** Admins invite every address of a CSV file; over the limits nothing is invited. */
export async function inviteFromCsv(actor: Actor, orgSlug: string, file: Uint8Array, ctx: InvitationCtx & { fileName?: string } = {}) {
  // Non-members learn nothing about the org, not even whether their file would parse.
  const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage");
  const parsed = parseEmailCsv(file);
  const entries = parsed.entries.map((e) => ({ ...e, count: e.rows.length }));
  return inviteEntries(actor, org, entries, ctx, "csv", { rows: parsed.dataRows, fileName: ctx.fileName?.slice(0, 200) });
}

async function inviteEntries(
  actor: Actor,
  org: Organization,
  entries: Entry[],
  ctx: InvitationCtx,
  source: "manual" | "csv",
  upload?: { rows: number; fileName?: string },
): Promise<InviteReport> {
  const valid = entries.flatMap((e) => (e.check.ok ? [e.check.email] : []));
  const outcome = new Map<string, InviteOutcome>();

  if (valid.length > 0) {
    await consumeInviteBudget(org.id, valid.length, actor);
    const send = await prepareSend(actor, org, ctx, { source });
    await db().transaction(async (tx) => {
      // Checked again inside the transaction: a demotion in the meantime still stops the send.
      await loadOrgAccess(actor, org.slug, "invitations.manage", tx);
      await lockOrgInvitations(tx, org.id);
      const members = await tx
        .select({ email: t.users.email })
        .from(t.memberships)
        .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
        .where(and(eq(t.memberships.orgId, org.id), inArray(t.users.email, jsonList(valid))));
      for (const m of members) outcome.set(m.email!, "already_member");

      const pendingOf = (emails: string[]) =>
        tx
          .select({ id: t.invitations.id, email: t.invitations.email })
          .from(t.invitations)
          .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.status, "pending"), inArray(t.invitations.email, jsonList(emails))));
      const pending = await pendingOf(valid);
      for (const p of pending) if (!outcome.has(p.email)) outcome.set(p.email, "already_invited");

      const fresh = valid.filter((email) => !outcome.has(email));
      const created = await createInvitations(tx, send, fresh);
      for (const c of created) outcome.set(c.email, "invited");
      // Under the org lock every conflict was seen above; this only guards against surprises.
      const missed = fresh.filter((email) => !outcome.has(email));
      const toResend = [
        ...pending.filter((p) => outcome.get(p.email) === "already_invited"),
        ...(missed.length ? await pendingOf(missed) : []),
      ];
      const resent = await reissueInvitations(tx, send, toResend);
      for (const r of resent) outcome.set(r.email, "already_invited");

      if (upload) {
        await recordActivity(tx, actor, {
          orgId: org.id,
          action: "invitations.csv_uploaded",
          target: { type: "organization", id: org.id, label: org.slug },
          metadata: { ...upload, ...countsOf(entries, outcome) },
        });
      }
    });
  }
  return report(entries, outcome);
}

function countsOf(entries: Entry[], outcome: Map<string, InviteOutcome>) {
  const counts: Record<InviteOutcome, number> = { invited: 0, already_invited: 0, already_member: 0, invalid: 0 };
  for (const e of entries) counts[e.check.ok ? (outcome.get(e.check.email) ?? "invalid") : "invalid"]++;
  return counts;
}

function report(entries: Entry[], outcome: Map<string, InviteOutcome>): InviteReport {
  const rows: InviteReportEntry[] = entries.map((e) => {
    const listed = e.rows ? `Listed ${e.count} times in the file (rows ${e.rows.join(", ")})` : `Listed ${e.count} times`;
    if (!e.check.ok) {
      return {
        email: e.value,
        outcome: "invalid",
        reason: e.count > 1 ? `${e.check.reason}; ${listed.toLowerCase()}` : e.check.reason,
        rows: e.rows,
      };
    }
    const result = outcome.get(e.check.email);
    if (!result) throw new Error(`No outcome for ${e.check.email}`);
    return { email: e.check.email, outcome: result, ...(e.count > 1 ? { reason: `${listed}; handled once` } : {}), rows: e.rows };
  });
  return { entries: rows, counts: countsOf(entries, outcome) };
}

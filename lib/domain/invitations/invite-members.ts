import { and, eq, inArray } from "drizzle-orm";
import { db, t } from "@/db";
import type { Organization } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/policy";
import { parseEmailCsv, type CsvEmailEntry } from "@/lib/csv/email-csv";
import { AppError } from "@/lib/errors";
import {
  checkInviteEmail,
  inviteMembersSchema,
  inviteOptionsSchema,
  type InviteMembersInput,
  type InviteOptions,
  type InviteOutcome,
  type InviteReport,
  type InviteReportEntry,
  type InviteRole,
} from "@/lib/validation/invitations";
import { parseInput } from "@/lib/validation/parse";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess, type OrgAccess } from "../organizations/org-access";
import { jsonList, lockOrgInvitations, prepareSend, type InvitationCtx } from "./invite-context";
import { consumeInviteBudget } from "./invite-limiter";
import { holdsSeat, lockSeatBudget } from "./seat-budget";
import { createInvitations, reissueInvitations, type Offer } from "./send-links";

type Entry = Omit<CsvEmailEntry, "rows"> & { rows?: number[]; count: number };

/** Admins invite typed addresses (the chips of the Invite Members dialog), all with one role and seat choice. */
export async function inviteMembers(actor: Actor, orgSlug: string, input: InviteMembersInput, ctx: InvitationCtx = {}) {
  const { emails, ...options } = parseInput(inviteMembersSchema, input);
  const byKey = new Map<string, Entry>();
  for (const raw of emails) {
    const check = checkInviteEmail(raw);
    const key = check.ok ? check.email : raw.trim().toLowerCase();
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { value: check.ok ? check.email : raw.trim(), check, count: 1 });
  }
  const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage");
  return inviteEntries(actor, org, [...byKey.values()], options, ctx, "manual");
}

/**
 * Admins invite every address of a CSV file; over the limits nothing is invited. A `role`
 * column gives a row its own role; blank cells take the role chosen in the dialog.
 */
export async function inviteFromCsv(
  actor: Actor,
  orgSlug: string,
  file: Uint8Array,
  // The options come from a query string or a request body: parsed here like any input.
  ctx: InvitationCtx & { fileName?: string; options?: unknown } = {},
) {
  const options = parseInput(inviteOptionsSchema, ctx.options ?? {});
  // Non-members learn nothing about the org, not even whether their file would parse.
  const { org } = await loadOrgAccess(actor, orgSlug, "invitations.manage");
  const parsed = parseEmailCsv(file);
  const entries = parsed.entries.map((e) => ({ ...e, count: e.rows.length }));
  return inviteEntries(actor, org, entries, options, ctx, "csv", { rows: parsed.dataRows, fileName: ctx.fileName?.slice(0, 200) });
}

/** Nobody invites above their own role: only an Account Admin (a person) may invite one. */
function assertMayOffer(access: OrgAccess, roles: Iterable<InviteRole>) {
  for (const role of roles) {
    if (role === "admin" && !can(access.principal, "invitations.inviteAdmin")) {
      throw new AppError("forbidden", "Only Account Admins can invite someone as an Account Admin. Nothing was sent.");
    }
  }
}

async function inviteEntries(
  actor: Actor,
  org: Organization,
  entries: Entry[],
  options: InviteOptions,
  ctx: InvitationCtx,
  source: "manual" | "csv",
  upload?: { rows: number; fileName?: string },
): Promise<InviteReport> {
  const valid = entries.flatMap((e) => (e.check.ok ? [e.check.email] : []));
  const offerOf = new Map(entries.flatMap((e) => (e.check.ok ? [[e.check.email, e.role ?? options.role] as const] : [])));
  const outcome = new Map<string, InviteOutcome>();
  const roles = new Set(offerOf.values());

  if (valid.length > 0) {
    assertMayOffer(await loadOrgAccess(actor, org.slug, "invitations.manage"), roles);
    await consumeInviteBudget(org.id, valid.length, actor);
    const send = await prepareSend(actor, org, ctx, { source });
    await db().transaction(async (tx) => {
      // Checked again inside the transaction: a demotion in the meantime still stops the send.
      assertMayOffer(await loadOrgAccess(actor, org.slug, "invitations.manage", tx), roles);
      await lockOrgInvitations(tx, org.id);
      const seats = options.assignSeat ? await lockSeatBudget(tx, org.id, send.now) : null;
      const members = await tx
        .select({ email: t.users.email })
        .from(t.memberships)
        .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
        .where(and(eq(t.memberships.orgId, org.id), inArray(t.users.email, jsonList(valid))));
      for (const m of members) outcome.set(m.email!, "already_member");

      const pending = await tx
        .select({ id: t.invitations.id, email: t.invitations.email, withSeat: t.invitations.withSeat, expiresAt: t.invitations.expiresAt })
        .from(t.invitations)
        .where(and(eq(t.invitations.orgId, org.id), eq(t.invitations.status, "pending"), inArray(t.invitations.email, jsonList(valid))));
      const pendingByEmail = new Map(pending.map((p) => [p.email, p]));

      // Seats go to addresses in the order given; one that finds none is reported and not sent.
      const fresh: Array<{ email: string } & Offer> = [];
      const toResend: Array<{ id: string } & Offer> = [];
      for (const email of valid) {
        if (outcome.has(email)) continue;
        const existing = pendingByEmail.get(email);
        const keepsSeat = !!existing && holdsSeat(existing, send.now);
        if (seats && !keepsSeat && !seats.take()) {
          outcome.set(email, "no_seat_available");
          continue;
        }
        const offer = { role: offerOf.get(email)!, withSeat: options.assignSeat };
        if (existing) toResend.push({ id: existing.id, ...offer });
        else fresh.push({ email, ...offer });
        outcome.set(email, existing ? "already_invited" : "invited");
      }
      // Under the org lock no other invite can have created these since the read above.
      const created = await createInvitations(tx, send, fresh);
      if (created.length !== fresh.length) throw new Error("An invitation appeared while the org's invitations were locked.");
      await reissueInvitations(tx, send, toResend);

      if (upload) {
        await recordActivity(tx, actor, {
          orgId: org.id,
          action: "invitations.csv_uploaded",
          target: { type: "organization", id: org.id, label: org.slug },
          metadata: { ...upload, role: options.role, seat: options.assignSeat, ...countsOf(entries, outcome) },
        });
      }
    });
  }
  return report(entries, outcome, offerOf);
}

function countsOf(entries: Entry[], outcome: Map<string, InviteOutcome>) {
  const counts: Record<InviteOutcome, number> = { invited: 0, already_invited: 0, already_member: 0, no_seat_available: 0, invalid: 0 };
  for (const e of entries) counts[e.check.ok ? (outcome.get(e.check.email) ?? "invalid") : "invalid"]++;
  return counts;
}

function report(entries: Entry[], outcome: Map<string, InviteOutcome>, offerOf: Map<string, InviteRole>): InviteReport {
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
    const sent = result === "invited" || result === "already_invited";
    return {
      email: e.check.email,
      outcome: result,
      ...(sent ? { role: offerOf.get(e.check.email) } : {}),
      ...(result === "no_seat_available"
        ? { reason: "Every seat is assigned or reserved; nothing was sent to this address" }
        : e.count > 1
          ? { reason: `${listed}; handled once` }
          : {}),
      rows: e.rows,
    };
  });
  return { entries: rows, counts: countsOf(entries, outcome) };
}

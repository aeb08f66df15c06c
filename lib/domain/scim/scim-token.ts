import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db, t } from "@/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { recordActivity } from "../activity/record-activity";
import { loadOrgAccess } from "../organizations/org-access";
import { generateSecret, hashSecret, hasValidChecksum } from "../tokens/secret-scheme";
import { scimBase } from "./scim-users";
import { ScimError } from "./scim-error";

/** The prefix of SCIM tokens (`osc_...`), so secret scanners and people can tell them apart. */
export const SCIM_TOKEN_PREFIX = "osc";

export type ScimActor = Extract<Actor, { kind: "scim" }>;

/**
 * Generate SCIM Token (admins): a new token for the org's identity provider, shown once. Only
 * its hash is kept; generating again replaces the row, so the previous token stops at once.
 */
export async function generateScimToken(actor: Actor, orgSlug: string) {
  const token = generateSecret(SCIM_TOKEN_PREFIX);
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const [previous] = await tx
      .select({ orgId: t.scimTokens.orgId })
      .from(t.scimTokens)
      .where(eq(t.scimTokens.orgId, org.id))
      .for("update");
    const values = {
      tokenHash: hashSecret(token),
      last4: token.slice(-4),
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt: new Date(),
      lastUsedAt: null,
    };
    const [row] = await tx
      .insert(t.scimTokens)
      .values({ orgId: org.id, ...values })
      .onConflictDoUpdate({ target: t.scimTokens.orgId, set: values })
      .returning();
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "scim.token_generated",
      target: { type: "scim_token", id: org.id, label: `…${row.last4}` },
      metadata: { replaced: !!previous },
    });
    return { token, baseUrl: scimBase(org), createdAt: row.createdAt.toISOString() };
  });
}

/** Revoke (admins): the org's identity provider can no longer call the SCIM API. */
export async function revokeScimToken(actor: Actor, orgSlug: string) {
  return db().transaction(async (tx) => {
    const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", tx);
    const [row] = await tx.delete(t.scimTokens).where(eq(t.scimTokens.orgId, org.id)).returning();
    if (!row) throw new AppError("not_found", "This organization has no SCIM token.", undefined, "token_not_found");
    await recordActivity(tx, actor, {
      orgId: org.id,
      action: "scim.token_revoked",
      target: { type: "scim_token", id: org.id, label: `…${row.last4}` },
    });
    return { revoked: true };
  });
}

/** What the Directory Sync section shows: the base URL and when the token was made and last used. */
export async function getScimSettings(actor: Actor, orgSlug: string) {
  const q = db();
  const { org } = await loadOrgAccess(actor, orgSlug, "settings.update", q);
  const [row] = await q.select().from(t.scimTokens).where(eq(t.scimTokens.orgId, org.id)).limit(1);
  return {
    baseUrl: scimBase(org),
    token: row ? { last4: row.last4, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null } : null,
  };
}

const unauthorized = (detail: string) => new ScimError(401, detail);

/**
 * The caller of a SCIM request: the org whose token this is, and only for that org's URL. A
 * token of another org, a malformed or revoked token, and no token at all are one 401 that
 * names no org. Last use is written at most once a minute.
 */
export async function authenticateScim(token: string | null, orgSlug: string, ip: string | null): Promise<ScimActor> {
  if (!token) throw unauthorized("Send the SCIM token: Authorization: Bearer <token>.");
  if (!hasValidChecksum(token, SCIM_TOKEN_PREFIX)) throw unauthorized("The SCIM token is invalid or revoked.");
  const q = db();
  const [row] = await q
    .select({ orgId: t.scimTokens.orgId, slug: t.organizations.slug })
    .from(t.scimTokens)
    .innerJoin(t.organizations, eq(t.organizations.id, t.scimTokens.orgId))
    .where(eq(t.scimTokens.tokenHash, hashSecret(token)))
    .limit(1);
  if (!row || row.slug !== orgSlug.trim().toLowerCase()) throw unauthorized("The SCIM token is invalid or revoked.");
  await q
    .update(t.scimTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(t.scimTokens.orgId, row.orgId),
        or(isNull(t.scimTokens.lastUsedAt), lt(t.scimTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return { kind: "scim", orgId: row.orgId, label: "SCIM", ip };
}

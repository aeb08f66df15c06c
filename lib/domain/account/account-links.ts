import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { t, type Queryable, type Tx } from "@/db";
import type { AccountLink } from "@/db/schema";
import { appUrl } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/domain/tokens/secret-scheme";

export type LinkPurpose = AccountLink["purpose"];

export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

const PATH: Record<LinkPurpose, string> = {
  verify_email: "verify-email",
  change_email: "verify-email",
  reset_password: "reset-password",
};

export const invalidAccountLink = () =>
  new AppError("not_found", "This link is invalid, expired or already used. Ask for a new one.", undefined, "invalid_link");

/** A new single-use link (its secret is returned once; only the hash is stored). */
export async function issueAccountLink(tx: Tx, input: { userId: string; purpose: LinkPurpose; email: string }, now = new Date()) {
  const secret = randomBytes(32).toString("base64url");
  await tx.insert(t.accountLinks).values({
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    tokenHash: hashSecret(secret),
    expiresAt: new Date(now.getTime() + LINK_TTL_MS[input.purpose]),
    createdAt: now,
  });
  return `${appUrl()}/${PATH[input.purpose]}/${secret}`;
}

/** The link a token names, if it is live (not used, not expired), without using it. */
export async function peekAccountLink(tx: Queryable, token: string, purposes: LinkPurpose[], now = new Date()) {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return null;
  const [row] = await tx
    .select()
    .from(t.accountLinks)
    .where(and(eq(t.accountLinks.tokenHash, hashSecret(token)), isNull(t.accountLinks.usedAt), gt(t.accountLinks.expiresAt, now)))
    .limit(1);
  return row && purposes.includes(row.purpose) ? row : null;
}

/**
 * Uses a link: one conditional UPDATE, so of two concurrent uses exactly one wins. Throws when
 * the link is unknown, used, expired or for another purpose.
 */
export async function consumeAccountLink(tx: Tx, token: string, purposes: LinkPurpose[], now = new Date()) {
  const live = await peekAccountLink(tx, token, purposes, now);
  if (!live) throw invalidAccountLink();
  const [used] = await tx
    .update(t.accountLinks)
    .set({ usedAt: now })
    .where(and(eq(t.accountLinks.id, live.id), isNull(t.accountLinks.usedAt)))
    .returning();
  if (!used) throw invalidAccountLink();
  return used;
}

/** Other live links of the same kind stop working (a reset or a change supersedes them). */
export async function retireAccountLinks(tx: Tx, userId: string, purpose: LinkPurpose, now = new Date()) {
  await tx
    .update(t.accountLinks)
    .set({ usedAt: now })
    .where(and(eq(t.accountLinks.userId, userId), eq(t.accountLinks.purpose, purpose), isNull(t.accountLinks.usedAt)));
}

import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "./secret";

const VALID_MS = 7 * 24 * 60 * 60 * 1000;

// Signed, not stored: the signature covers the user's current password hash, so the link stops
// working as soon as a password is set (single use) and after seven days.
const sign = (payload: string, passwordHash: string | null) =>
  createHmac("sha256", getAuthSecret())
    .update(`${payload}.${passwordHash ?? ""}`)
    .digest("base64url");

export function createPasswordSetupToken(userId: string, passwordHash: string | null, now = Date.now()) {
  const payload = Buffer.from(`${userId}.${now + VALID_MS}`).toString("base64url");
  return `${payload}.${sign(payload, passwordHash)}`;
}

/** The user id a token was made for, before its signature is checked against the user row. */
export function readPasswordSetupToken(token: string): { userId: string; expiresAt: number; payload: string; signature: string } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const [userId, exp] = Buffer.from(payload, "base64url").toString("utf8").split(".");
  const expiresAt = Number(exp);
  if (!userId || !Number.isFinite(expiresAt)) return null;
  return { userId, expiresAt, payload, signature };
}

export function isPasswordSetupSignatureValid(payload: string, signature: string, passwordHash: string | null) {
  const expected = Buffer.from(sign(payload, passwordHash));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

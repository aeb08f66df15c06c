import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function base62(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString("hex") || "0"}`);
  let out = "";
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
}

const checksum = (body: string) => base62(createHash("sha256").update(body).digest().subarray(0, 4)).padStart(6, "0");

/**
 * A random secret with a readable prefix and a checksum suffix (`opa_<random><check>`), so
 * typos are refused without a database read and secret scanners can recognise it.
 * 24 random bytes = 192 bits.
 */
export function generateSecret(prefix: string, bytes = 24): string {
  const body = `${prefix}_${base62(randomBytes(bytes)).padStart(Math.ceil((bytes * 8) / Math.log2(62)), "0")}`;
  return body + checksum(body);
}

export function hasValidChecksum(secret: string, prefix: string): boolean {
  if (!secret.startsWith(`${prefix}_`) || secret.length < prefix.length + 10 || !/^[A-Za-z0-9_]+$/.test(secret)) return false;
  const body = secret.slice(0, -6);
  const a = Buffer.from(checksum(body));
  const b = Buffer.from(secret.slice(-6));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Secrets are stored as SHA-256 hashes only; lookups go by hash. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

import { createHash, randomBytes } from "node:crypto";

/**
 * Member access tokens look like `opt_` + 30 random base62 characters + a 6-character base62
 * CRC32 of those 30 (the scheme GitHub uses). 30 base62 characters carry 178 bits. The
 * checksum rejects typos without a database read, and the fixed prefix + length + checksum let
 * secret scanners recognise a leaked token with almost no false positives.
 */
export const TOKEN_PREFIX = "opt_";
const RANDOM_CHARS = 30;
const CHECKSUM_CHARS = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + RANDOM_CHARS + CHECKSUM_CHARS;
export const TOKEN_PATTERN = /^opt_[0-9A-Za-z]{36}$/;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of an ASCII string; zlib.crc32 only exists from Node 20.15. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function base62Fixed(value: number, width: number): string {
  let out = "";
  for (let i = 0; i < width; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** Unbiased random base62 characters (rejection sampling: bytes >= 248 are thrown away). */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function generateToken(): string {
  const body = randomBase62(RANDOM_CHARS);
  return `${TOKEN_PREFIX}${body}${base62Fixed(crc32(body), CHECKSUM_CHARS)}`;
}

/** True when the text has the token's shape and its checksum matches: no database needed. */
export function isWellFormedToken(text: string): boolean {
  if (text.length !== TOKEN_LENGTH || !TOKEN_PATTERN.test(text)) return false;
  const body = text.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + RANDOM_CHARS);
  return text.slice(TOKEN_PREFIX.length + RANDOM_CHARS) === base62Fixed(crc32(body), CHECKSUM_CHARS);
}

/** What is stored and looked up: the SHA-256 of the whole token, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const tokenLast4 = (token: string) => token.slice(-4);

import { createHash, randomBytes } from "node:crypto";

/**
 * Every secret the app hands out (member tokens `opt_`, API access tokens `opa_`, client
 * secrets `oss_`) has one shape: a readable prefix, random base62 characters, and a 6-character
 * base62 CRC-32 of those characters (the scheme GitHub uses). The checksum refuses typos without
 * a database read, and prefix + checksum let secret scanners recognise a leak. Only the SHA-256
 * of a secret is stored.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const CHECKSUM_CHARS = 6;

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

const checksum = (random: string) => base62Fixed(crc32(random), CHECKSUM_CHARS);

/** `<prefix>_` + `randomChars` base62 characters (32 carry 190 bits) + the checksum. */
export function generateSecret(prefix: string, randomChars = 32): string {
  const random = randomBase62(randomChars);
  return `${prefix}_${random}${checksum(random)}`;
}

/** Whether a string has this prefix, only base62 after it, and a checksum that matches. */
export function hasValidChecksum(secret: string, prefix: string): boolean {
  const rest = secret.startsWith(`${prefix}_`) ? secret.slice(prefix.length + 1) : "";
  if (rest.length <= CHECKSUM_CHARS + 4 || !/^[0-9A-Za-z]+$/.test(rest)) return false;
  return checksum(rest.slice(0, -CHECKSUM_CHARS)) === rest.slice(-CHECKSUM_CHARS);
}

/** Secrets are stored as SHA-256 hashes only; lookups go by hash. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

import { crc32, generateSecret, hasValidChecksum, hashSecret } from "@/lib/domain/tokens/secret-scheme";

/**
 * Member access tokens: `opt_` + 30 random base62 characters (178 bits) + the 6-character
 * checksum every secret of the app carries (../secret-scheme.ts).
 */
export const TOKEN_PREFIX = "opt_";
const RANDOM_CHARS = 30;
const CHECKSUM_CHARS = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + RANDOM_CHARS + CHECKSUM_CHARS;
export const TOKEN_PATTERN = /^opt_[0-9A-Za-z]{36}$/;

export { crc32 };

export const generateToken = (): string => generateSecret("opt", RANDOM_CHARS);

export const isWellFormedToken = (text: string): boolean =>
  text.length === TOKEN_LENGTH && TOKEN_PATTERN.test(text) && hasValidChecksum(text, "opt");

/** What is stored and looked up: the SHA-256 of the whole token, hex. */
export const hashToken: (token: string) => string = hashSecret;

export const tokenLast4 = (token: string) => token.slice(-4);

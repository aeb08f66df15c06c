import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/domain/tokens/secret-scheme";
import { INVITATION_TOKEN_PATTERN } from "@/lib/validation/invitations";

/**
 * A link secret: a readable prefix and 256 random bits, URL-safe. Only its SHA-256 is stored,
 * and links are found by that hash, so no comparison of secrets ever happens in our code.
 */
export function newInvitationToken() {
  const token = `inv_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashInvitationToken(token) };
}

export const hashInvitationToken: (token: string) => string = hashSecret;

export const isWellFormedToken = (token: string) => INVITATION_TOKEN_PATTERN.test(token);

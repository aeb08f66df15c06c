import { createHash, randomBytes } from "node:crypto";

// The browser's key to its sign-in row and the login ticket: 256 random bits, only their hash stored.
export const newSsoSecret = () => randomBytes(32).toString("base64url");
export const hashSsoSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** How long a person has at the IdP before the sign-in must start again, and how long a ticket lives. */
export const SSO_LOGIN_TTL_MS = 10 * 60 * 1000;
export const SSO_TICKET_TTL_MS = 2 * 60 * 1000;

/** The one answer for every address whose domain has no SSO: it says nothing about other orgs. */
export const NO_SSO_MESSAGE =
  "Single sign-on is not set up for this email address. Sign in with your password, or ask your organization's admin.";

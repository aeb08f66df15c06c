import { AppError } from "@/lib/errors";
import { findOrgByVerifiedDomain } from "../domains/find-org-by-verified-domain";
import { findSsoConnection } from "./get-sso-connection";

export const SSO_REQUIRED_MESSAGE = "Your organization requires single sign-on for this email address. Use Sign in with SSO.";

/**
 * Require SSO: an address in a domain verified by an org that requires SSO signs in only through
 * the org's IdP, never with a password (sign-in form and the OAuth password grant alike). It is
 * about the domain, not the account, so it is told before the password is checked.
 */
export async function assertPasswordSignInAllowed(email: string) {
  const org = await findOrgByVerifiedDomain(email);
  if (!org) return;
  const connection = await findSsoConnection(org.orgId);
  if (connection?.requireSso) throw new AppError("forbidden", SSO_REQUIRED_MESSAGE, undefined, "sso_required");
}

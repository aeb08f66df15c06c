import { AppError } from "@/lib/errors";

/**
 * Why a Sign in with SSO did not complete, as the sign-in page tells it. The callback puts only
 * the key in the URL, so nobody can make the page say words of their choosing.
 */
export const SSO_FAILURES = {
  expired: "This sign-in has expired or was already used. Start again with Sign in with SSO.",
  failed: "Single sign-on did not complete. Start again with Sign in with SSO.",
  idp: "Your identity provider did not sign you in. Start again with Sign in with SSO.",
  unavailable: "Your organization's identity provider could not be reached. Try again later, or ask your admin.",
  removed: "Single sign-on is no longer set up for your organization.",
  no_email: "Your identity provider did not send an email address. Ask your admin to release the email claim.",
  unverified_email: "Your identity provider says this email address is not verified.",
  domain: "This email address is not in a domain your organization has verified.",
  disabled: "This account is disabled. Contact your instance admin.",
} as const;
export type SsoFailure = keyof typeof SSO_FAILURES;

export const ssoFailure = (kind: SsoFailure) =>
  new AppError("unauthenticated", SSO_FAILURES[kind], { sso: kind }, kind === "disabled" ? "account_disabled" : "sso_failed");

/** The failure key an error stands for (unknown errors are plain "failed"). */
export const ssoFailureOf = (err: unknown): SsoFailure => {
  const kind = err instanceof AppError ? err.fields?.sso : undefined;
  if (kind && kind in SSO_FAILURES) return kind as SsoFailure;
  return err instanceof AppError && err.reason === "account_disabled" ? "disabled" : "failed";
};

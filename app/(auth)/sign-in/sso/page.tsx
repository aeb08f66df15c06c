import type { Metadata } from "next";
import Link from "next/link";
import { FormError } from "@/components/ui/form-error";
import { SSO_FAILURES, type SsoFailure } from "@/lib/domain/sso/sso-failures";
import { safeReturnPath } from "../../safe-return";
import { SsoSignInForm } from "./sso-sign-in-form";

export const metadata: Metadata = { title: "Sign in with SSO" };

export default async function SsoSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  // Without a callbackUrl the person lands on their organization's page after signing in.
  const returnTo = params.callbackUrl ? safeReturnPath(params.callbackUrl) : null;
  // Only known keys are shown, in our words: the URL cannot make this page say anything else.
  const error = params.error && Object.hasOwn(SSO_FAILURES, params.error) ? SSO_FAILURES[params.error as SsoFailure] : null;
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in with SSO</h1>
      <p className="mt-1 text-sm text-zinc-600">Enter your work email: we send you to your organization&apos;s identity provider.</p>
      {error && (
        <div className="mt-4">
          <FormError message={error} />
        </div>
      )}
      <div className="mt-6">
        <SsoSignInForm returnTo={returnTo} />
      </div>
      <p className="mt-6 text-center text-sm">
        <Link
          href={returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in"}
          className="font-medium text-indigo-700 hover:underline"
        >
          Sign in with a password
        </Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailButton } from "@/components/account/confirm-email-button";
import { describeEmailLink } from "@/lib/domain/account/verify-email";

export const metadata: Metadata = { title: "Verify email" };
export const dynamic = "force-dynamic";

// The link is used by a button, not by opening the page: mail scanners that fetch links must
// not use up a single-use link.
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeEmailLink(token);
  if (!link) {
    return (
      <>
        <h1 className="text-xl font-semibold">This link no longer works</h1>
        <p className="mt-2 text-sm text-zinc-700">
          Links work once, for 24 hours. Signed in, use Resend Verification Email on any page for a new one.
        </p>
        <Link href="/organizations" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Go to your organizations
        </Link>
      </>
    );
  }
  const change = link.purpose === "change_email";
  return (
    <>
      <h1 className="text-xl font-semibold">{change ? "Confirm your new email" : "Verify your email"}</h1>
      <p className="mt-1 text-sm text-zinc-600">
        {change ? `Your account will sign in with ${link.email} from now on.` : `Confirm that ${link.email} is yours.`}
      </p>
      <div className="mt-6">
        <ConfirmEmailButton token={token} label={change ? "Confirm New Email" : "Verify Email"} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { resetPasswordAction } from "@/lib/actions/account";
import { isResetLinkLive } from "@/lib/domain/account/reset-password";

export const metadata: Metadata = { title: "Reset password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await isResetLinkLive(token))) {
    return (
      <>
        <h1 className="text-xl font-semibold">This link no longer works</h1>
        <p className="mt-2 text-sm text-zinc-700">Reset links work once, for 1 hour. Ask for a new one.</p>
        <Link href="/forgot-password" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Forgot password?
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="mt-1 text-sm text-zinc-600">Every session of your account is signed out when you reset it.</p>
      <div className="mt-6">
        <ActionForm
          fields={[
            {
              name: "password",
              label: "New Password",
              type: "password",
              autoComplete: "new-password",
              hint: "At least 8 characters, not a common password.",
            },
          ]}
          submitLabel="Reset Password"
          busyLabel="Saving…"
          action={resetPasswordAction.bind(null, token)}
          after={{ redirect: "/sign-in?reset=1" }}
        />
      </div>
    </>
  );
}

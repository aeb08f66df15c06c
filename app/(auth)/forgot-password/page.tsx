import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { forgotPasswordAction } from "@/lib/actions/account";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Forgot password</h1>
      <p className="mt-1 text-sm text-zinc-600">Enter the email you sign in with. We send a link to choose a new password.</p>
      <div className="mt-6">
        <ActionForm
          fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
          submitLabel="Send Reset Link"
          busyLabel="Sending…"
          action={forgotPasswordAction}
          success="If an account uses this address, a link to reset its password is on its way. It works once, for 1 hour."
          resetOnSuccess={false}
        />
      </div>
      <p className="mt-6 text-center text-sm text-zinc-600">
        <Link href="/sign-in" className="font-medium text-indigo-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}

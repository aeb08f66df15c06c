import type { Metadata } from "next";
import Link from "next/link";
import { findPasswordSetupUser } from "@/lib/domain/users/set-initial-password";
import { AppError } from "@/lib/errors";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Choose your password" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await findPasswordSetupUser(token).catch((err) => {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  });
  if ("error" in user) {
    return (
      <>
        <h1 className="text-xl font-semibold">This link no longer works</h1>
        <p className="mt-2 text-sm text-zinc-700">{user.error}</p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Go to sign in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Choose your password</h1>
      <p className="mt-1 text-sm text-zinc-600">An account was created for {user.email}. Choose a password to sign in.</p>
      <div className="mt-6">
        <SetPasswordForm token={token} email={user.email} />
      </div>
    </>
  );
}

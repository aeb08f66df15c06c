import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { safeReturnPath } from "../safe-return";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign In" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-zinc-600">Welcome back.</p>
      {params.reset === "1" && (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">
          Your password was reset and every session signed out. Sign in with the new password.
        </p>
      )}
      <div className="mt-6">
        <SignInForm returnTo={returnTo} defaultEmail={params.email} />
      </div>
      <div className="mt-4">
        <Button asChild variant="secondary" className="w-full">
          <Link href={params.callbackUrl ? `/sign-in/sso?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in/sso"}>
            Sign in with SSO
          </Link>
        </Button>
      </div>
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-indigo-700 hover:underline">
          Forgot password?
        </Link>
      </p>
      <p className="mt-6 text-center text-sm text-zinc-600">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-indigo-700 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}

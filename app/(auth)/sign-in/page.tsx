import type { Metadata } from "next";
import Link from "next/link";
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
      <div className="mt-6">
        <SignInForm returnTo={returnTo} defaultEmail={params.email} />
      </div>
      <p className="mt-6 text-center text-sm text-zinc-600">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-indigo-700 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}

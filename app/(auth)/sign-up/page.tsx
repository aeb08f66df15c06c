import type { Metadata } from "next";
import Link from "next/link";
import { safeReturnPath } from "../safe-return";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign Up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-zinc-600">It takes a minute; no card needed.</p>
      <div className="mt-6">
        <SignUpForm returnTo={returnTo} lockedEmail={params.email && params.locked === "1" ? params.email : undefined} />
      </div>
      <p className="mt-6 text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}

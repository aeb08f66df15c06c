"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { FormError } from "@/components/ui/form-error";

export function FinishSsoSignIn({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once: the ticket is single use (React may run effects twice in development).
    if (started.current) return;
    started.current = true;
    void signIn("sso", { redirect: false }).then((result) => {
      if (!result || result.error) {
        setError(
          !result || result.error === "CredentialsSignin"
            ? "This sign-in has expired or was already used. Start again with Sign in with SSO."
            : result.error,
        );
        return;
      }
      // A full load, so every server component reads the new session.
      window.location.replace(returnTo);
    });
  }, [returnTo]);

  return (
    <>
      <h1 className="text-xl font-semibold">Sign in with SSO</h1>
      {error ? (
        <div className="mt-4 space-y-4">
          <FormError message={error} />
          <p className="text-center text-sm">
            <Link href="/sign-in/sso" className="font-medium text-indigo-700 hover:underline">
              Start again
            </Link>
          </p>
        </div>
      ) : (
        <p role="status" className="mt-4 text-sm text-zinc-600">
          Signing you in…
        </p>
      )}
    </>
  );
}

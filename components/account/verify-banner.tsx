"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/lib/actions/account";

/** Shown on every portal page until the account's address is verified. */
export function VerifyBanner({ email }: { email: string }) {
  const [state, setState] = useState<{ busy?: boolean; message?: string }>({});
  return (
    <div role="region" aria-label="Email verification" className="border-b border-amber-200 bg-amber-50">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm text-amber-900 sm:px-6">
        <p className="flex-1">
          Verify your email address ({email}) to create organizations and be added to them. Open the link we emailed you.
        </p>
        <Button
          variant="secondary"
          size="sm"
          disabled={state.busy}
          onClick={async () => {
            setState({ busy: true });
            const result = await resendVerificationAction();
            setState({ message: result.ok ? `Sent a new link to ${result.data.sentTo}.` : result.error });
          }}
        >
          Resend Verification Email
        </Button>
        {state.message && (
          <p role="status" className="w-full text-amber-900">
            {state.message}
          </p>
        )}
      </div>
    </div>
  );
}

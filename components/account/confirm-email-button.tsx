"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { confirmEmailAction } from "@/lib/actions/account";

export function ConfirmEmailButton({ token, label }: { token: string; label: string }) {
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: string }>({});
  if (state.done) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">
          {state.done}
        </p>
        <Link href="/organizations" className="inline-block text-sm font-medium text-indigo-700 hover:underline">
          Go to your organizations
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <FormError message={state.error} />
      <Button
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true });
          const result = await confirmEmailAction(token);
          setState(result.ok ? { done: `Email verified: ${result.data.email}.` } : { error: result.error });
        }}
      >
        {state.busy ? "Verifying…" : label}
      </Button>
    </div>
  );
}

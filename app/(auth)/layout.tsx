import Link from "next/link";
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-lg font-bold text-indigo-700">
        Org Portal
      </Link>
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-xs ring-1 ring-zinc-200">{children}</div>
    </main>
  );
}

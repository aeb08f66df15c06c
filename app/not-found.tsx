import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/organizations" className="mt-6 text-sm font-medium text-indigo-700 hover:underline">
        Back to your organizations
      </Link>
    </main>
  );
}

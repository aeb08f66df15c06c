import type { Metadata } from "next";
import Link from "next/link";
import { EffectiveAccessView } from "@/components/settings/effective-access-view";
import { Card, PageHeader } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { getEffectiveAccess } from "@/lib/domain/settings/effective-access";

export const metadata: Metadata = { title: "Account" };
// Effective access is read on every request: an admin's change shows on the next load.
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireSessionUser("/account");
  const access = await getEffectiveAccess(user);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/organizations" className="font-medium text-indigo-700 hover:underline">
          Organizations
        </Link>
      </nav>
      <PageHeader title="Account" description="Who you are here, and what your organizations let you use." />
      <Card className="mb-6 p-6">
        <dl className="grid gap-6 sm:grid-cols-2">
          <div>
            <dt className="text-sm font-medium text-zinc-600">Name</dt>
            <dd className="mt-1 text-zinc-900">{user.name}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-zinc-600">Email</dt>
            <dd className="mt-1 text-zinc-900">{user.email}</dd>
          </div>
        </dl>
      </Card>
      <EffectiveAccessView access={access} />
    </main>
  );
}

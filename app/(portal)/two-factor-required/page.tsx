import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { getTwoFactorSetup } from "@/lib/domain/account/two-factor";

export const metadata: Metadata = { title: "Two-factor authentication required" };
export const dynamic = "force-dynamic";

/** Where a member of an org that requires 2FA is held until they enable it. */
export default async function TwoFactorRequiredPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const user = await requireSessionUser("/two-factor-required");
  const { org } = await searchParams;
  const slug = typeof org === "string" && /^[a-z0-9-]{1,39}$/.test(org) ? org : null;
  const { enabled } = await getTwoFactorSetup(user);
  return (
    <main className="mx-auto max-w-2xl px-4 py-8 sm:px-6">
      <PageHeader title="Two-factor authentication required" />
      <Card className="p-6">
        {enabled ? (
          <>
            <p className="text-sm text-zinc-700">Two-factor authentication is on for your account.</p>
            {slug && (
              <Link href={`/organizations/${slug}`} className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
                Continue to {slug}
              </Link>
            )}
          </>
        ) : (
          <>
            <p className="text-sm text-zinc-700">
              {slug ? `The organization ${slug}` : "An organization you belong to"} requires two-factor authentication. Until you enable it,
              you cannot open the organization, use its API or download its packages with your token.
            </p>
            <Link
              href="/account#two-factor-authentication"
              className="mt-4 inline-flex h-9 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700"
            >
              Enable Two-Factor Authentication
            </Link>
          </>
        )}
      </Card>
    </main>
  );
}

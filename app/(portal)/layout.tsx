import Link from "next/link";
import type { ReactNode } from "react";
import { VerifyBanner } from "@/components/account/verify-banner";
import { UserMenu } from "@/components/portal/user-menu";
import { requireSessionUser } from "@/lib/auth/session";
import { isInstanceAdmin } from "@/lib/domain/instance/instance-admin";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-4 sm:px-6">
          <Link href="/organizations" className="font-bold text-indigo-700">
            Org Portal
          </Link>
          <UserMenu name={user.name} email={user.email} instanceAdmin={await isInstanceAdmin(user.userId)} />
        </div>
      </header>
      {user.emailVerified === false && <VerifyBanner email={user.email} />}
      {children}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireSessionUser } from "@/lib/auth/session";
import { isInstanceAdmin } from "@/lib/domain/instance/instance-admin";

export const metadata: Metadata = { title: { template: "%s · Instance", default: "Instance" }, robots: { index: false } };
export const dynamic = "force-dynamic";

// Everyone but an instance admin gets "not found": the console does not announce itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser("/admin");
  if (!(await isInstanceAdmin(user.userId))) notFound();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p className="mb-2 text-sm font-medium text-indigo-700">Instance</p>
      <AdminNav />
      {children}
    </main>
  );
}

"use client";
import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function OrgNav({ orgId, items }: { orgId: string; items: Array<{ label: string; segment: string }> }) {
  // The Overview is the org's own page: no segment below the org, so its link has none either.
  const active = useSelectedLayoutSegment() ?? "";
  return (
    <nav aria-label="Organization">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => (
          <li key={item.label}>
            <Link
              href={item.segment ? `/organizations/${orgId}/${item.segment}` : `/organizations/${orgId}`}
              aria-current={active === item.segment ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                active === item.segment ? "bg-indigo-50 text-indigo-800" : "text-zinc-700 hover:bg-zinc-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

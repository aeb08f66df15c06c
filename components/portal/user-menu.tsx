"use client";
import { ChevronDown } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";

const itemClass = "block w-full cursor-pointer rounded px-3 py-2 text-left text-sm text-zinc-800 outline-none data-highlighted:bg-zinc-100";

export function UserMenu({ name, email, instanceAdmin = false }: { name: string; email: string; instanceAdmin?: boolean }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100">
        <span
          className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800"
          aria-hidden
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span>{name}</span>
        <ChevronDown className="size-4" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-52 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200">
          <div className="px-3 py-2 text-xs text-zinc-600">{email}</div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/organizations">Organizations</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/account">Account</Link>
          </DropdownMenu.Item>
          {instanceAdmin && (
            <DropdownMenu.Item asChild className={itemClass}>
              <Link href="/admin">Instance</Link>
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Item className={itemClass} onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
            Sign Out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

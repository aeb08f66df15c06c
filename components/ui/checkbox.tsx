import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A native checkbox (keyboard and screen readers for free); give it an aria-label. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      className={cn("size-4 rounded border-zinc-400 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600", className)}
      {...props}
    />
  );
}

import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Plain table parts with the house look; pages compose them. */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-zinc-200">
      <table className={cn("min-w-full divide-y divide-zinc-200 text-sm", className)} {...props} />
    </div>
  );
}
export const THead = ({ className, ...props }: ComponentProps<"thead">) => (
  <thead className={cn("bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase", className)} {...props} />
);
export const TBody = ({ className, ...props }: ComponentProps<"tbody">) => (
  <tbody className={cn("divide-y divide-zinc-100", className)} {...props} />
);
export const Th = ({ className, ...props }: ComponentProps<"th">) => (
  <th scope="col" className={cn("px-4 py-3 whitespace-nowrap", className)} {...props} />
);
export const Td = ({ className, ...props }: ComponentProps<"td">) => <td className={cn("px-4 py-3 text-zinc-800", className)} {...props} />;

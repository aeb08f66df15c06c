import type { ComponentProps } from "react";
import { cn } from "./cn";
import { ScrollRegion } from "./scroll-region";

/**
 * Plain table parts with the house look; pages compose them. The card scrolls sideways when a
 * table is wider than it (on a phone); it is `relative` so visually hidden labels (absolutely
 * positioned) stay inside it instead of widening the page. From `lg` up, long words (emails,
 * file names) may break anywhere, so a table fits beside the navigation at 1280 px.
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <TableCard label={props["aria-label"]}>
      <table className={cn("min-w-full divide-y divide-zinc-200 text-sm", className)} {...props} />
    </TableCard>
  );
}

/**
 * The scrolling card around a table, for tables that need their own <table> element. While it
 * scrolls it is a focusable region named after `label`, so the keyboard can scroll it.
 */
export function TableCard({ className, ...props }: ComponentProps<typeof ScrollRegion>) {
  return <ScrollRegion className={cn("relative rounded-lg bg-white shadow-xs ring-1 ring-zinc-200", className)} {...props} />;
}

export const THead = ({ className, ...props }: ComponentProps<"thead">) => (
  <thead className={cn("bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase", className)} {...props} />
);
export const TBody = ({ className, ...props }: ComponentProps<"tbody">) => (
  <tbody className={cn("divide-y divide-zinc-100", className)} {...props} />
);
export const Th = ({ className, ...props }: ComponentProps<"th">) => (
  <th scope="col" className={cn("px-3 py-3 whitespace-nowrap", className)} {...props} />
);
export const Td = ({ className, ...props }: ComponentProps<"td">) => (
  <td className={cn("px-3 py-3 text-zinc-800 lg:wrap-anywhere", className)} {...props} />
);

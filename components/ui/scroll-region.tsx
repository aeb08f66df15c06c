"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { cn } from "./cn";

type ScrollRegionProps = ComponentProps<"div"> & {
  /** What it holds ("Members", "Deliveries"); while it scrolls, the region is named after it. */
  label?: string;
};

/**
 * A box that scrolls sideways when its content is wider (a table on a phone). While it does, it
 * is a named region in the tab order, so a keyboard user can focus it and scroll with the arrow
 * keys even when nothing inside it is focusable (WCAG 2.1.1; axe's scrollable-region-focusable).
 * When everything fits it is a plain box: no extra tab stop at 1280 px. Its name says it scrolls
 * ("Domains, scrolls sideways"), which also keeps it apart from a section named like its table.
 */
export function ScrollRegion({ label, className, children, ...props }: ScrollRegionProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    // The box resizes with the window; its content when rows arrive or change.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className={cn("overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600", className)}
      {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": label ? `${label}, scrolls sideways` : "Scrolls sideways" } : {})}
      {...props}
    >
      {children}
    </div>
  );
}

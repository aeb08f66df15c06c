import type { BillingCycle } from "@/db/schema";

/**
 * One billing period after `from`: a month or a year later, on the same day of the month, or
 * the month's last day when it has no such day (Jan 31 + 1 month = Feb 28/29).
 */
export function addBillingPeriod(from: Date, cycle: BillingCycle): Date {
  return addMonths(from, cycle === "monthly" ? 1 : 12);
}

/** `months` calendar months after `from`, clamped to the target month's last day. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export const cycleLabels: Record<BillingCycle, string> = { monthly: "Monthly", yearly: "Yearly" };

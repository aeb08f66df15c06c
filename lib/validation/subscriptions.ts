import { z } from "zod";

export const MIN_SEATS = 1;
export const MAX_SEATS = 100_000;
export const billingCycles = ["monthly", "yearly"] as const;

const seatsMessage = `Enter a whole number of seats from ${MIN_SEATS} to ${MAX_SEATS.toLocaleString("en")}.`;

/** The Purchase / Manage Subscription form: Seats and Monthly / Yearly. */
export const subscriptionFormSchema = z.object({
  seats: z.number({ error: seatsMessage }).int(seatsMessage).min(MIN_SEATS, seatsMessage).max(MAX_SEATS, seatsMessage),
  billingCycle: z.enum(billingCycles, { error: "Choose Monthly or Yearly." }),
});
export type SubscriptionFormInput = z.input<typeof subscriptionFormSchema>;

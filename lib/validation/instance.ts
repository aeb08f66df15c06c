import { z } from "zod";
import { orgCreators, signUpModes } from "@/db/schema/instance";
import { billingCycles, MAX_SEATS, MIN_SEATS } from "./subscriptions";

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "example.com, @Example.org\nfoo.io" -> ["example.com", "example.org", "foo.io"] (forms send text). */
const domainList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[\s,;]+/)
          .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean)
      : v,
  z
    .array(z.string().regex(DOMAIN, { error: "Enter domains such as example.com, separated by commas." }))
    .max(100, "At most 100 domains.")
    .transform((list) => [...new Set(list)]),
);

export const instanceSettingsSchema = z
  .object({
    signUpMode: z.enum(signUpModes, { error: "Choose Open, Invite only or Allowed domains." }),
    allowedDomains: domainList,
    orgCreators: z.enum(orgCreators, { error: "Choose Anyone or Instance admins." }),
    selfServicePurchase: z.boolean({ error: "Choose on or off." }),
  })
  .refine((s) => s.signUpMode !== "allowed_domains" || s.allowedDomains.length > 0, {
    path: ["allowedDomains"],
    error: "Enter at least one domain, or choose another sign-up mode.",
  });
export type InstanceSettingsInput = z.input<typeof instanceSettingsSchema>;

const seatsMessage = `Enter a whole number of seats from ${MIN_SEATS} to ${MAX_SEATS.toLocaleString("en")}.`;

/** Grant / Change Subscription on /admin: seats, cycle and the day the period ends (UTC). */
export const grantSubscriptionSchema = z.object({
  seats: z.number({ error: seatsMessage }).int(seatsMessage).min(MIN_SEATS, seatsMessage).max(MAX_SEATS, seatsMessage),
  billingCycle: z.enum(billingCycles, { error: "Choose Monthly or Yearly." }),
  periodEnd: z
    .string({ error: "Enter the day the period ends (YYYY-MM-DD)." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the day the period ends (YYYY-MM-DD).")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Enter a real date."),
});
export type GrantSubscriptionInput = z.input<typeof grantSubscriptionSchema>;

export const instanceSearchSchema = z.object({
  q: z.string().trim().max(254, "At most 254 characters.").optional(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).optional(),
});

export const userIdSchema = z.uuid({ error: "Not a user id." });

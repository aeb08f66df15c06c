import { z } from "zod";

// One DNS label: letters, digits and inner hyphens, at most 63 characters (RFC 1123). Punycode
// (xn--...) passes, so internationalised names are entered in their ASCII form.
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
// At least two labels and a top-level label that is not all digits (so no IP addresses).
const HOSTNAME = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);

/** A domain as people type it: trimmed, lower-cased, without a trailing dot. */
export const domainNameSchema = z
  .string({ error: "Enter a domain." })
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/\.$/, ""))
  .pipe(
    z
      .string()
      .min(1, "Enter a domain.")
      .max(253, "A domain has at most 253 characters.")
      .regex(HOSTNAME, "Enter a domain name such as example.com (no https://, no @, no path)."),
  );

export const addDomainSchema = z.object({ domain: domainNameSchema });
export type AddDomainInput = z.input<typeof addDomainSchema>;

export const domainJoinSchema = z.object({ allowed: z.boolean({ error: "Choose on or off." }) });

/** The record an org publishes to prove it controls a domain. */
export const CHALLENGE_PREFIX = "_org-portal-challenge";
export const challengeRecordName = (domain: string) => `${CHALLENGE_PREFIX}.${domain}`;

/** A domain as the page and the API show it. */
export const domainSchema = z.object({
  domain: z.string(),
  status: z.enum(["pending", "verified"]),
  record_name: z.string().meta({ description: "The TXT record's name: _org-portal-challenge.<domain>" }),
  record_value: z.string().meta({ description: "The exact value to publish in that TXT record" }),
  verified_at: z.string().nullable(),
  created_at: z.string(),
});

export const domainListSchema = z.object({
  domains: z.array(domainSchema),
  allow_domain_join: z.boolean().meta({ description: "Allow members of verified domains to join" }),
});

export const verifyOutcomes = ["verified", "wrong_value", "no_record", "lookup_failed"] as const;
export const verifyDomainResponseSchema = z.object({
  domain: domainSchema,
  outcome: z.enum(verifyOutcomes),
  message: z.string(),
});
